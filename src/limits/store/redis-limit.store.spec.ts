import fc from 'fast-check';
import Redis from 'ioredis';
import { startRedis, RunningRedis } from '../../../test/support/redis-server';
import { assertWithinLimits, burstsArbitrary, playBursts } from './limit-store.property';
import { MINUTE_WINDOW } from './limit-store';
import { RedisLimitStore } from './redis-limit.store';

// A real redis-server (test/support/redis-server.ts); two connections stand for two gateway replicas.
let redis: RunningRedis;
let clients: Redis[];

beforeAll(async () => {
  redis = await startRedis();
  clients = [new Redis(redis.url), new Redis(redis.url)];
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

describe('RedisLimitStore', () => {
  it('two replicas racing never admit more than the limits over any window (property, Redis clock)', async () => {
    const shape = { bucketMs: 5, spanBuckets: 11 };
    const stores = clients.map((c) => new RedisLimitStore(c, shape));
    const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(burstsArbitrary, async (bursts) => {
        const counted = await playBursts(stores, shape, bursts, pause, `prop-${run++}`);
        assertWithinLimits(counted, (shape.spanBuckets - 1) * shape.bucketMs, bursts.rpm, bursts.tpm);
      }),
      { numRuns: 12 },
    );
  });

  it('shares one count between replicas: rpm, tokens, concurrency and budget', async () => {
    const [a, b] = clients.map((c) => new RedisLimitStore(c, MINUTE_WINDOW));
    const req = { id: 'shared', rpm: 3, tpm: 1000, reserve: 100, leaseId: 'l', leaseTtlMs: 1000 };
    const outcomes = await Promise.all(
      [a, b, a, b, a, b].map((s, i) => s.acquire({ ...req, leaseId: `l${i}` })),
    );
    expect(outcomes.filter((o) => o.admitted)).toHaveLength(3);
    const rejected = outcomes.find((o) => !o.admitted)!;
    expect(rejected).toMatchObject({ reason: 'requests', requests: 3, tokens: 300 });
    expect(rejected.retryAfterMs).toBeGreaterThan(59_000);

    const c = { id: 'conc', maxConcurrent: 1, reserve: 0, leaseTtlMs: 10_000 };
    const held = await a.acquire({ ...c, leaseId: 'one' });
    expect((await b.acquire({ ...c, leaseId: 'two' })).reason).toBe('concurrency');
    await a.settle({ id: 'conc', bucket: held.bucket, tokenDelta: 0, leaseId: 'one' });
    expect((await b.acquire({ ...c, leaseId: 'two' })).admitted).toBe(true);

    const budget = { limit: 100, period: '2026-12', ttlMs: 60_000 };
    const d = { id: 'budget', reserve: 60, leaseId: 'x', leaseTtlMs: 1, budget };
    const first = await a.acquire(d);
    expect((await b.acquire(d)).reason).toBe('budget');
    await b.settle({ id: 'budget', bucket: first.bucket, tokenDelta: -30, budgetPeriod: '2026-12' });
    expect(await a.acquire(d)).toMatchObject({ admitted: true, budgetUsed: 90 });
    expect(await clients[0].pttl('bgw:limits:{budget}:b:2026-12')).toBeGreaterThan(50_000);
  });
});
