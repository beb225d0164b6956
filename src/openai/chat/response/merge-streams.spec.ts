import { mergeStreams } from './merge-streams';

async function* slow<T>(items: T[], delayMs: number) {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, delayMs));
    yield item;
  }
}

describe('mergeStreams', () => {
  it('yields every item of every source, each tagged with its source, in the order of each source', async () => {
    const seen: { source: number; item: string }[] = [];
    for await (const x of mergeStreams([slow(['a1', 'a2', 'a3'], 3), slow(['b1', 'b2'], 1)])) seen.push(x);
    expect(seen).toHaveLength(5);
    expect(seen.filter((x) => x.source === 0).map((x) => x.item)).toEqual(['a1', 'a2', 'a3']);
    expect(seen.filter((x) => x.source === 1).map((x) => x.item)).toEqual(['b1', 'b2']);
  });

  it('propagates the first error of any source', async () => {
    async function* failing() {
      yield 'x';
      throw new Error('boom');
    }
    const run = async () => {
      for await (const _ of mergeStreams([slow(['a', 'b', 'c'], 5), failing()])) void _;
    };
    await expect(run()).rejects.toThrow('boom');
  });

  it('passes a single source straight through', async () => {
    const items: number[] = [];
    for await (const { item } of mergeStreams([slow([1, 2, 3], 0)])) items.push(item);
    expect(items).toEqual([1, 2, 3]);
  });
});
