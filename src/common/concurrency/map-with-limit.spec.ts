import { mapWithLimit } from './map-with-limit';

/** A call that finishes only when the test says so, so in-flight counts are exact, never timed. */
interface Pending {
  index: number;
  resolve(value: string): void;
  reject(err: Error): void;
}

function harness() {
  const pending: Pending[] = [];
  let inFlight = 0;
  let peak = 0;
  const fn = (_item: string, index: number) =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      pending.push({
        index,
        resolve: (v) => {
          inFlight--;
          resolve(v);
        },
        reject: (e) => {
          inFlight--;
          reject(e);
        },
      });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { pending, fn, tick, peak: () => peak };
}

describe('mapWithLimit', () => {
  it('never has more than the limit in flight and keeps results in input order', async () => {
    const h = harness();
    const items = ['a', 'b', 'c', 'd', 'e'];
    const done = mapWithLimit(items, 2, h.fn);
    await h.tick();
    expect(h.pending.map((p) => p.index)).toEqual([0, 1]);
    // Finish out of order: the second first.
    h.pending[1].resolve('B');
    await h.tick();
    expect(h.pending.map((p) => p.index)).toEqual([0, 1, 2]);
    h.pending[0].resolve('A');
    await h.tick();
    for (const p of h.pending.slice(2)) p.resolve(items[p.index].toUpperCase());
    await h.tick();
    for (const p of h.pending.slice(4)) p.resolve(items[p.index].toUpperCase());
    expect(await done).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(h.peak()).toBe(2);
  });

  it('starts nothing more after a failure and rejects with it', async () => {
    const h = harness();
    const done = mapWithLimit(['a', 'b', 'c', 'd'], 2, h.fn);
    await h.tick();
    h.pending[0].reject(new Error('throttled'));
    await expect(done).rejects.toThrow('throttled');
    h.pending[1].resolve('B');
    await h.tick();
    expect(h.pending).toHaveLength(2);
  });

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapWithLimit([1, 2], 8, (n) => Promise.resolve(n * 2))).toEqual([2, 4]);
    expect(await mapWithLimit([], 8, (n: number) => Promise.resolve(n))).toEqual([]);
  });
});
