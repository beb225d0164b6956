import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { UpstreamCall } from '../../bedrock/upstream-call';
import { ClientGoneError } from '../../common/context/request-context';
import { ApiError } from '../../common/errors/api-error';
import type { ChatAdapter } from '../../providers/chat-adapter';
import { makeChunk, makeUsageChunk } from '../../providers/converse/chunk-factory';
import type { CompletionMeta } from '../../providers/converse/completion-meta';
import { sumUsage } from '../../providers/converse/merge-choices';
import { newStreamState } from '../../providers/converse/stream-state';
import type { ChatCompletionChunk, CompletionUsage } from '../dto/chat-response.types';
import type { ChatStream } from './chat-stream';
import { mergeStreams } from './merge-streams';

/**
 * Bedrock events (one source per choice) → OpenAI chunks, as they arrive. Errors after the first byte
 * propagate to the SSE writer, which reports them in-band; a stream that ends without its stop event is one
 * of them. The usage of all choices is summed into the final usage chunk.
 */
export async function* pumpChunks(
  sources: AsyncIterable<ConverseStreamOutput>[],
  adapter: ChatAdapter,
  meta: CompletionMeta,
  call: UpstreamCall,
  stream: ChatStream,
  idleTimeoutMs: number,
): AsyncGenerator<ChatCompletionChunk> {
  const states = sources.map((_, choice) => newStreamState(meta, choice));
  const usages: CompletionUsage[] = [];
  const include = stream.includeUsage;
  let finished = false;
  try {
    call.touch(idleTimeoutMs);
    for await (const { source, item } of mergeStreams(sources)) {
      call.touch(idleTimeoutMs);
      const out = adapter.mapStreamEvent(item, states[source]);
      if (!out) continue;
      if (out.kind === 'delta') {
        yield makeChunk(meta, out.delta, null, include, source);
      } else if (out.kind === 'finish') {
        if (out.flush !== undefined) yield makeChunk(meta, { content: out.flush }, null, include, source);
        yield makeChunk(meta, {}, out.reason, include, source);
      } else {
        usages.push(out.usage);
      }
    }
    if (states.some((s) => !s.finishReason)) {
      throw new ApiError(502, 'The Bedrock stream ended before the answer was complete.', {
        code: 'upstream_stream_truncated',
      });
    }
    finished = true;
    const usage = usages.length > 0 ? sumUsage(usages) : undefined;
    stream.settle({ usage });
    if (usage && include) yield makeUsageChunk(meta, usage);
  } catch (err) {
    const error = call.explain(err);
    stream.settle({ usage: usages.length > 0 ? sumUsage(usages) : undefined, error });
    throw error;
  } finally {
    // Left early (the consumer stopped reading) or failed: stop every Bedrock call of this request too.
    if (finished) call.dispose();
    else call.abort(new ClientGoneError());
  }
}
