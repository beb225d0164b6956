/**
 * Interleaves several async iterables in arrival order, tagging each item with the index of its source
 * (n > 1 choices streamed at once). One source is passed straight through, without the racing.
 */
export async function* mergeStreams<T>(
  sources: AsyncIterable<T>[],
): AsyncGenerator<{ source: number; item: T }> {
  if (sources.length === 1) {
    for await (const item of sources[0]) yield { source: 0, item };
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ source: number; result: IteratorResult<T> }>>();
  const pull = (source: number) =>
    pending.set(
      source,
      iterators[source].next().then((result) => ({ source, result })),
    );
  iterators.forEach((_, i) => pull(i));
  try {
    while (pending.size > 0) {
      const { source, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(source);
        continue;
      }
      pull(source);
      yield { source, item: result.value };
    }
  } finally {
    // Not awaited: a source whose next() is still pending would hold this until it produced something. The
    // caller aborts the upstream calls, which settles those.
    for (const it of iterators) void it.return?.()?.catch(() => undefined);
  }
}
