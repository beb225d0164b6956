import fc from 'fast-check';
import type { AcquireRequest, Admission, LimitStore, WindowShape } from './limit-store';

/** One admitted request as the limit saw it in the end: when, and what it finally counted. */
interface Counted {
  at: number;
  tokens: number;
}

/**
 * The limiter's invariant, checked over every window that ends at an admission (the worst windows end at
 * one): the requests admitted in any `windowMs` interval never exceed `rpm`, and the tokens they finally
 * counted (reservations settled to real usage that is never more than reserved) never exceed `tpm`.
 */
export function assertWithinLimits(counted: Counted[], windowMs: number, rpm: number, tpm: number): void {
  const sorted = [...counted].sort((a, b) => a.at - b.at);
  let lo = 0;
  let tokens = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    tokens += sorted[hi].tokens;
    while (sorted[lo].at <= sorted[hi].at - windowMs) tokens -= sorted[lo++].tokens;
    const requests = hi - lo + 1;
    if (requests > rpm || tokens > tpm) {
      throw new Error(
        `${requests} requests / ${tokens} tokens admitted within ${windowMs} ms ending at ${sorted[hi].at} ` +
          `(limits ${rpm} / ${tpm})`,
      );
    }
  }
}

export const burstsArbitrary = fc.record({
  rpm: fc.integer({ min: 1, max: 12 }),
  tpm: fc.integer({ min: 20, max: 400 }),
  bursts: fc.array(
    fc.record({
      /** Pause before the burst, in units of the bucket. */
      gap: fc.nat({ max: 8 }),
      /** Requests sent at once: reservation and the share of it really used. */
      requests: fc.array(
        fc.record({
          reserve: fc.integer({ min: 1, max: 60 }),
          used: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    }),
    { minLength: 1, maxLength: 25 },
  ),
});

export type Bursts = typeof burstsArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * Plays the bursts against `stores` (several stores = several replicas over one backing state, taking turns),
 * each burst's requests concurrently; settles every admitted request one burst later with its real usage.
 */
export async function playBursts(
  stores: LimitStore[],
  shape: WindowShape,
  run: Bursts,
  pause: (ms: number) => Promise<void>,
  id: string,
): Promise<Counted[]> {
  const counted: Counted[] = [];
  let pending: (() => Promise<void>)[] = [];
  let seq = 0;
  for (const burst of run.bursts) {
    await pause(burst.gap * shape.bucketMs);
    const settling = pending;
    pending = [];
    const admissions = await Promise.all([
      ...burst.requests.map((r, i) => {
        const req: AcquireRequest = {
          id,
          rpm: run.rpm,
          tpm: run.tpm,
          reserve: r.reserve,
          leaseId: `l${seq++}`,
          leaseTtlMs: 60_000,
        };
        return stores[i % stores.length].acquire(req).then((a: Admission) => ({ a, r }));
      }),
      ...settling.map((s) => s().then(() => undefined)),
    ]);
    for (const item of admissions) {
      if (!item?.a.admitted) continue;
      const used = Math.floor(item.r.reserve * item.r.used);
      const entry = { at: item.a.now, tokens: used };
      counted.push(entry);
      const store = stores[seq % stores.length];
      const bucket = item.a.bucket;
      pending.push(() => store.settle({ id, bucket, tokenDelta: used - item.r.reserve }));
    }
  }
  return counted;
}
