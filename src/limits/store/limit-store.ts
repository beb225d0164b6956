/**
 * Counting for per-key limits. Two implementations with the same arithmetic: {@link MemoryLimitStore} (one
 * process) and {@link RedisLimitStore} (every replica shares the counters through one atomic script per call).
 *
 * Requests and tokens are counted in a sliding window of `spanBuckets` buckets of `bucketMs` each. The window
 * is one bucket longer than the period it enforces (61 × 1 s for a minute), so that *any* 60 s interval —
 * not only those aligned on buckets — holds no more than the limit: every admission in such an interval lies
 * in the buckets the last of them was checked against.
 */
export interface WindowShape {
  bucketMs: number;
  spanBuckets: number;
}

/** One minute, enforced over every 60 s interval (see {@link WindowShape}). */
export const MINUTE_WINDOW: WindowShape = { bucketMs: 1000, spanBuckets: 61 };

export interface AcquireRequest {
  /** The key's name: counters are per name. */
  id: string;
  rpm?: number;
  tpm?: number;
  maxConcurrent?: number;
  /** Tokens reserved for this request (prompt estimate + max output), counted at once, settled later. */
  reserve: number;
  /** Identifies this request's concurrency slot; the slot expires after `leaseTtlMs` if never released. */
  leaseId: string;
  leaseTtlMs: number;
  /** Budget period (e.g. `2026-12` or `2026-12-03`), its token limit, and how long its counter lives. */
  budget?: { limit: number; period: string; ttlMs: number };
}

export type LimitReason = 'concurrency' | 'requests' | 'tokens' | 'too_large' | 'budget';
/** Wire codes of {@link LimitReason} in the Redis script's reply (0: admitted). */
export const REASONS: readonly LimitReason[] = ['concurrency', 'requests', 'tokens', 'too_large', 'budget'];

export interface Admission {
  admitted: boolean;
  reason?: LimitReason;
  /** The store's clock (Redis's, with Redis), ms since the epoch. */
  now: number;
  /** The bucket the request was counted in (settle adjusts that bucket). */
  bucket: number;
  /** Requests and tokens counted in the window, this request included when admitted. */
  requests: number;
  tokens: number;
  /** Until everything now counted has left the window. */
  resetMs: number;
  /** Rejected: until enough has left the window for this request to fit (0 when unknown). */
  retryAfterMs: number;
  budgetUsed: number;
}

export interface Settlement {
  id: string;
  bucket: number;
  /** Real tokens minus the reservation (negative: a refund). */
  tokenDelta: number;
  leaseId?: string;
  budgetPeriod?: string;
}

export interface LimitStore {
  acquire(req: AcquireRequest): Promise<Admission>;
  settle(s: Settlement): Promise<void>;
  close(): Promise<void>;
}
