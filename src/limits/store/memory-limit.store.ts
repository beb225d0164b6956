import {
  AcquireRequest,
  Admission,
  LimitReason,
  LimitStore,
  MINUTE_WINDOW,
  Settlement,
  WindowShape,
} from './limit-store';

interface Window {
  /** Oldest bucket still counted, newest bucket written. */
  oldest: number;
  newest: number;
  requests: number;
  tokens: number;
  buckets: Map<number, { requests: number; tokens: number }>;
}

/**
 * Limits counted in this process: the embedded default for a single instance (no REDIS_URL). The arithmetic
 * is the Redis script's (limit.scripts.ts), line for line, so both pass the same property test.
 */
export class MemoryLimitStore implements LimitStore {
  private readonly windows = new Map<string, Window>();
  private readonly leases = new Map<string, Map<string, number>>();
  private readonly budgets = new Map<string, { used: number; expiresAt: number }>();

  constructor(
    private readonly shape: WindowShape = MINUTE_WINDOW,
    private readonly clock: () => number = Date.now,
  ) {}

  acquire(req: AcquireRequest): Promise<Admission> {
    return Promise.resolve(this.acquireNow(req));
  }

  settle(s: Settlement): Promise<void> {
    const w = this.windows.get(s.id);
    const bucket = w?.buckets.get(s.bucket);
    if (w && bucket && s.tokenDelta !== 0) {
      bucket.tokens += s.tokenDelta;
      w.tokens += s.tokenDelta;
    }
    if (s.leaseId) this.leases.get(s.id)?.delete(s.leaseId);
    const budget = s.budgetPeriod ? this.budgets.get(`${s.id}\u0000${s.budgetPeriod}`) : undefined;
    if (budget && budget.expiresAt > this.clock()) budget.used += s.tokenDelta;
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private acquireNow(req: AcquireRequest): Admission {
    const { bucketMs: g, spanBuckets: span } = this.shape;
    const now = this.clock();
    const cur = Math.floor(now / g);
    const w = this.slide(req.id, cur);
    const budgetKey = req.budget ? `${req.id}\u0000${req.budget.period}` : '';
    let budget = req.budget ? this.budgets.get(budgetKey) : undefined;
    if (budget && budget.expiresAt <= now) budget = undefined;
    const budgetUsed = budget?.used ?? 0;
    const reject = (reason: LimitReason, retryAfterMs: number): Admission => ({
      admitted: false,
      reason,
      now,
      bucket: cur,
      requests: w.requests,
      tokens: w.tokens,
      resetMs: w.requests > 0 ? (w.newest + span) * g - now : 0,
      retryAfterMs,
      budgetUsed,
    });
    let leases: Map<string, number> | undefined;
    if (req.maxConcurrent) {
      leases = this.leases.get(req.id) ?? new Map<string, number>();
      this.leases.set(req.id, leases);
      for (const [id, expiry] of leases) if (expiry <= now) leases.delete(id);
      if (leases.size >= req.maxConcurrent) return reject('concurrency', 1000);
    }
    if (req.rpm && w.requests + 1 > req.rpm) {
      return reject('requests', this.freedAfter(w, 'requests', w.requests + 1 - req.rpm, now));
    }
    if (req.tpm && req.reserve > req.tpm) return reject('too_large', 0);
    if (req.tpm && w.tokens + req.reserve > req.tpm) {
      return reject('tokens', this.freedAfter(w, 'tokens', w.tokens + req.reserve - req.tpm, now));
    }
    if (req.budget && budgetUsed + req.reserve > req.budget.limit) return reject('budget', 0);
    const bucket = w.buckets.get(cur) ?? { requests: 0, tokens: 0 };
    w.buckets.set(cur, bucket);
    bucket.requests += 1;
    bucket.tokens += req.reserve;
    w.requests += 1;
    w.tokens += req.reserve;
    w.newest = cur;
    leases?.set(req.leaseId, now + req.leaseTtlMs);
    if (req.budget) {
      if (budget) budget.used += req.reserve;
      else this.budgets.set(budgetKey, { used: req.reserve, expiresAt: now + req.budget.ttlMs });
    }
    return {
      admitted: true,
      now,
      bucket: cur,
      requests: w.requests,
      tokens: w.tokens,
      resetMs: (cur + span) * g - now,
      retryAfterMs: 0,
      budgetUsed: budgetUsed + (req.budget ? req.reserve : 0),
    };
  }

  /** Drops the buckets that left the window; the window of `id` as of bucket `cur`. */
  private slide(id: string, cur: number): Window {
    const span = this.shape.spanBuckets;
    const lo = cur - span + 1;
    let w = this.windows.get(id);
    if (!w) {
      w = { oldest: lo, newest: cur, requests: 0, tokens: 0, buckets: new Map() };
      this.windows.set(id, w);
      return w;
    }
    if (w.oldest < lo) {
      if (lo - w.oldest >= span) {
        w.buckets.clear();
        w.requests = 0;
        w.tokens = 0;
      } else {
        for (let i = w.oldest; i < lo; i++) {
          const b = w.buckets.get(i);
          if (!b) continue;
          w.requests -= b.requests;
          w.tokens -= b.tokens;
          w.buckets.delete(i);
        }
      }
      w.oldest = lo;
    }
    return w;
  }

  /** How long until `need` of `field` has left the window (oldest buckets first). */
  private freedAfter(w: Window, field: 'requests' | 'tokens', need: number, now: number): number {
    const { bucketMs: g, spanBuckets: span } = this.shape;
    let freed = 0;
    for (let i = w.oldest; i <= w.newest; i++) {
      freed += w.buckets.get(i)?.[field] ?? 0;
      if (freed >= need) return (i + span) * g - now;
    }
    return span * g;
  }
}
