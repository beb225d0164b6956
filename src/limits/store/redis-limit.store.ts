import type { Redis } from 'ioredis';
import {
  AcquireRequest,
  Admission,
  LimitStore,
  MINUTE_WINDOW,
  REASONS,
  Settlement,
  WindowShape,
} from './limit-store';
import { ACQUIRE_SCRIPT, SETTLE_SCRIPT } from './limit.scripts';

type Reply = [number, number, number, number, number, number, number, number];

interface LimitCommands {
  bgwLimitAcquire(...args: (string | number)[]): Promise<Reply>;
  bgwLimitSettle(...args: (string | number)[]): Promise<number>;
}

/** `{name}` is a Redis Cluster hash tag: the three keys of one name live in one slot, as a script needs. */
const keysOf = (id: string, period = '-') => [
  `bgw:limits:{${id}}:w`,
  `bgw:limits:{${id}}:c`,
  `bgw:limits:{${id}}:b:${period}`,
];

/**
 * Limits shared by every replica: one script call per admission and one per settlement (limit.scripts.ts),
 * sent with EVALSHA (ioredis's defineCommand falls back to EVAL when the server lost its script cache).
 */
export class RedisLimitStore implements LimitStore {
  private readonly redis: Redis & LimitCommands;

  constructor(
    redis: Redis,
    private readonly shape: WindowShape = MINUTE_WINDOW,
  ) {
    redis.defineCommand('bgwLimitAcquire', { numberOfKeys: 3, lua: ACQUIRE_SCRIPT });
    redis.defineCommand('bgwLimitSettle', { numberOfKeys: 3, lua: SETTLE_SCRIPT });
    this.redis = redis as Redis & LimitCommands;
  }

  async acquire(req: AcquireRequest): Promise<Admission> {
    const reply = await this.redis.bgwLimitAcquire(
      ...keysOf(req.id, req.budget?.period),
      this.shape.bucketMs,
      this.shape.spanBuckets,
      req.rpm ?? 0,
      req.tpm ?? 0,
      req.reserve,
      req.maxConcurrent ?? 0,
      req.leaseId,
      req.leaseTtlMs,
      req.budget?.limit ?? 0,
      req.budget?.ttlMs ?? 0,
    );
    const [code, now, bucket, requests, tokens, resetMs, retryAfterMs, budgetUsed] = reply.map(Number);
    return {
      admitted: code === 0,
      reason: code === 0 ? undefined : REASONS[code - 1],
      now,
      bucket,
      requests,
      tokens,
      resetMs,
      retryAfterMs,
      budgetUsed,
    };
  }

  async settle(s: Settlement): Promise<void> {
    await this.redis.bgwLimitSettle(
      ...keysOf(s.id, s.budgetPeriod),
      s.bucket,
      s.tokenDelta,
      s.leaseId ?? '',
      s.budgetPeriod ? '1' : '0',
    );
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }
}
