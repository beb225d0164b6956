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
import { BATCH_SCRIPT } from './limit.scripts';

interface LimitCommands {
  bgwLimits(...args: (string | number)[]): Promise<number[]>;
}

/** Operations on one key name (and budget period) waiting for the next flush. */
interface Batch {
  id: string;
  period: string;
  args: (string | number)[];
  admissions: { resolve: (a: Admission) => void; reject: (e: unknown) => void }[];
  settlements: { resolve: () => void; reject: (e: unknown) => void }[];
}

/** `{name}` is a Redis Cluster hash tag: the three keys of one name live in one slot, as a script needs. */
const keysOf = (id: string, period: string) => [
  `bgw:limits:{${id}}:w`,
  `bgw:limits:{${id}}:c`,
  `bgw:limits:{${id}}:b:${period}`,
];

/**
 * Limits shared by every replica. The operations a replica receives within one event-loop turn are sent
 * together, one script call per key name (limit.scripts.ts), with EVALSHA (ioredis's defineCommand falls
 * back to EVAL when the server lost its script cache). Under load this costs a fraction of a round trip per
 * request; alone, a request waits for no one (the batch leaves at the end of the turn it arrived in).
 */
export class RedisLimitStore implements LimitStore {
  private readonly redis: Redis & LimitCommands;
  private pending = new Map<string, Batch>();
  private scheduled = false;

  constructor(
    redis: Redis,
    private readonly shape: WindowShape = MINUTE_WINDOW,
  ) {
    redis.defineCommand('bgwLimits', { numberOfKeys: 3, lua: BATCH_SCRIPT });
    this.redis = redis as Redis & LimitCommands;
  }

  acquire(req: AcquireRequest): Promise<Admission> {
    const batch = this.batchFor(req.id, req.budget?.period ?? '-');
    batch.args.push(
      `1,${req.rpm ?? 0},${req.tpm ?? 0},${req.reserve},${req.maxConcurrent ?? 0},${req.leaseId},` +
        `${req.leaseTtlMs},${req.budget?.limit ?? 0},${req.budget?.ttlMs ?? 0}`,
    );
    return new Promise((resolve, reject) => batch.admissions.push({ resolve, reject }));
  }

  settle(s: Settlement): Promise<void> {
    const batch = this.batchFor(s.id, s.budgetPeriod ?? '-');
    batch.args.push(`2,${s.bucket},${s.tokenDelta},${s.leaseId ?? ''},${s.budgetPeriod ? 1 : 0}`);
    return new Promise((resolve, reject) => batch.settlements.push({ resolve, reject }));
  }

  close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }

  private batchFor(id: string, period: string): Batch {
    const key = `${id}\u0000${period}`;
    let batch = this.pending.get(key);
    if (!batch) {
      batch = {
        id,
        period,
        args: [this.shape.bucketMs, this.shape.spanBuckets],
        admissions: [],
        settlements: [],
      };
      this.pending.set(key, batch);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
    return batch;
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const batches = this.pending;
    this.pending = new Map();
    for (const batch of batches.values()) void this.send(batch);
  };

  private async send(batch: Batch): Promise<void> {
    let reply: number[];
    try {
      reply = await this.redis.bgwLimits(...keysOf(batch.id, batch.period), ...batch.args);
    } catch (err) {
      for (const waiter of [...batch.admissions, ...batch.settlements]) waiter.reject(err);
      return;
    }
    for (const s of batch.settlements) s.resolve();
    batch.admissions.forEach((waiter, i) => {
      const at = i * 8;
      const code = Number(reply[at]);
      waiter.resolve({
        admitted: code === 0,
        reason: code === 0 ? undefined : REASONS[code - 1],
        now: Number(reply[at + 1]),
        bucket: Number(reply[at + 2]),
        requests: Number(reply[at + 3]),
        tokens: Number(reply[at + 4]),
        resetMs: Number(reply[at + 5]),
        retryAfterMs: Number(reply[at + 6]),
        budgetUsed: Number(reply[at + 7]),
      });
    });
  }
}
