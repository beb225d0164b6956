import type { InferenceStream } from '../../../inference/inference-response';
import type { ChatCompletionChunk, CompletionUsage } from '../chat-response.types';
import type { ChatStream } from './chat-stream';
import { makeChunk, makeUsageChunk } from './chunk-factory';
import type { CompletionMeta } from './completion-meta';
import { mapStreamEvent } from './map-stream-event';
import { sumUsage } from './merge-choices';
import { mergeStreams } from './merge-streams';
import { newStreamState } from './stream-state';

/**
 * The internal streams (one per choice) → OpenAI chunks, as they arrive. Errors after the first byte
 * propagate to the SSE writer, which reports them in-band. The usage of all choices is summed into the final
 * usage chunk.
 */
export async function* pumpChunks(
  sources: InferenceStream[],
  meta: CompletionMeta,
  stream: ChatStream,
): AsyncGenerator<ChatCompletionChunk> {
  const states = sources.map((_, choice) => newStreamState(meta, choice));
  const usages: CompletionUsage[] = [];
  const include = stream.includeUsage;
  let finished = false;
  try {
    for await (const { source, item } of mergeStreams(sources)) {
      const out = mapStreamEvent(item, states[source]);
      if (!out) continue;
      if (out.kind === 'delta') yield makeChunk(meta, out.delta, null, include, source);
      else if (out.kind === 'finish') yield makeChunk(meta, {}, out.reason, include, source);
      else usages.push(out.usage);
    }
    finished = true;
    const usage = usages.length > 0 ? sumUsage(usages) : undefined;
    stream.settle({ usage });
    if (usage && include) yield makeUsageChunk(meta, usage);
  } catch (err) {
    stream.settle({ usage: usages.length > 0 ? sumUsage(usages) : undefined, error: err });
    throw err;
  } finally {
    // Left early (the consumer stopped reading) or failed: stop every Bedrock call of this request too.
    if (!finished) for (const s of sources) s.cancel?.();
  }
}
