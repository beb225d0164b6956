import type { ChatCompletionChunk, ChunkDelta, CompletionUsage, FinishReason } from '../chat-response.types';
import type { CompletionMeta } from './completion-meta';

/**
 * `chat.completion.chunk` objects as OpenAI sends them. With `include_usage`, OpenAI puts `usage: null` on
 * every chunk and the totals on a last chunk whose `choices` is empty.
 */
export function makeChunk(
  meta: CompletionMeta,
  delta: ChunkDelta,
  finishReason: FinishReason | null,
  includeUsage: boolean,
  choice = 0,
): ChatCompletionChunk {
  const chunk: ChatCompletionChunk = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: choice, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (includeUsage) chunk.usage = null;
  return chunk;
}

export function makeUsageChunk(meta: CompletionMeta, usage: CompletionUsage): ChatCompletionChunk {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [],
    usage,
  };
}
