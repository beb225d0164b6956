import fc from 'fast-check';
import { MINUTE_WINDOW } from './limit-store';
import { assertWithinLimits, burstsArbitrary, playBursts } from './limit-store.property';
import { MemoryLimitStore } from './memory-limit.store';

const shape = { bucketMs: 10, spanBuckets: 11 };
const windowMs = (shape.spanBuckets - 1) * shape.bucketMs;

describe('MemoryLimitStore', () => {
  it('never admits more than the limits over any window (property)', async () => {
    await fc.assert(
      fc.asyncProperty(burstsArbitrary, async (run) => {
        let now = 1_000_000 + Math.floor(Math.random() * shape.bucketMs);
        const store = new MemoryLimitStore(shape, () => now);
        const pause = (ms: number) => {
          // Time moves by whole and partial buckets alike, so windows not aligned on buckets are exercised.
          now += ms + (ms > 0 ? Math.floor(Math.random() * 3) : 0);
          return Promise.resolve();
        };
        const counted = await playBursts([store], shape, run, pause, 'team');
        assertWithinLimits(counted, windowMs, run.rpm, run.tpm);
      }),
      { numRuns: 300 },
    );
  });

  it('admits up to the rpm, then says when a slot frees up', async () => {
    let now = 60_000 * 100;
    const store = new MemoryLimitStore(MINUTE_WINDOW, () => now);
    const req = { id: 'a', rpm: 2, reserve: 0, leaseId: 'x', leaseTtlMs: 1000 };
    expect((await store.acquire(req)).admitted).toBe(true);
    now += 10_000;
    expect((await store.acquire(req)).admitted).toBe(true);
    const third = await store.acquire(req);
    expect(third).toMatchObject({ admitted: false, reason: 'requests', requests: 2 });
    // The first request leaves the 61 s window 61 s after its bucket began.
    expect(third.retryAfterMs).toBe(51_000);
    now += 51_000;
    expect((await store.acquire(req)).admitted).toBe(true);
  });

  it('settles reservations to the real usage (a refund frees tokens at once)', async () => {
    const store = new MemoryLimitStore(MINUTE_WINDOW, () => 5_000_000);
    const req = { id: 'a', tpm: 100, reserve: 80, leaseId: 'x', leaseTtlMs: 1000 };
    const first = await store.acquire(req);
    expect((await store.acquire(req)).reason).toBe('tokens');
    await store.settle({ id: 'a', bucket: first.bucket, tokenDelta: 10 - 80 });
    expect((await store.acquire(req)).admitted).toBe(true);
    expect((await store.acquire({ ...req, reserve: 101 })).reason).toBe('too_large');
  });

  it('holds concurrency slots until released or expired, and budgets per period', async () => {
    let now = 1_000;
    const store = new MemoryLimitStore(MINUTE_WINDOW, () => now);
    const base = { id: 'a', maxConcurrent: 1, reserve: 5, leaseTtlMs: 500 };
    expect((await store.acquire({ ...base, leaseId: 'one' })).admitted).toBe(true);
    expect((await store.acquire({ ...base, leaseId: 'two' })).reason).toBe('concurrency');
    await store.settle({ id: 'a', bucket: 0, tokenDelta: 0, leaseId: 'one' });
    expect((await store.acquire({ ...base, leaseId: 'two' })).admitted).toBe(true);
    now += 600; // 'two' was never released: its lease expires
    expect((await store.acquire({ ...base, leaseId: 'three' })).admitted).toBe(true);

    const budget = { limit: 10, period: 'p1', ttlMs: 10_000 };
    const b = { id: 'b', reserve: 6, leaseId: 'z', leaseTtlMs: 1, budget };
    const first = await store.acquire(b);
    expect((await store.acquire(b)).reason).toBe('budget');
    await store.settle({ id: 'b', bucket: first.bucket, tokenDelta: -4, budgetPeriod: 'p1' });
    expect(await store.acquire(b)).toMatchObject({ admitted: true, budgetUsed: 8 });
    expect((await store.acquire({ ...b, budget: { ...budget, period: 'p2' } })).admitted).toBe(true);
  });
});
