import type { FinishReason } from '../../chat/dto/chat-response.types';
import type { CompletionMeta } from './completion-meta';

/** Per-stream state for the event mapper; owned by one stream, never by the (stateless) adapter. */
export interface StreamState {
  readonly meta: CompletionMeta;
  /** Converse contentBlockIndex → OpenAI tool_calls index (0, 1, … in the order the calls appear). */
  readonly toolIndexByBlock: Map<number, number>;
  /** Tool blocks left out (parallel_tool_calls: false keeps only the first). */
  readonly skippedBlocks: Set<number>;
  /** Reasoning text per block, until its signature arrives and the block can be reported whole. */
  readonly reasoningText: Map<number, string>;
  reasoningBlocks: number;
  finishReason?: FinishReason;
}

export function newStreamState(meta: CompletionMeta): StreamState {
  return {
    meta,
    toolIndexByBlock: new Map(),
    skippedBlocks: new Set(),
    reasoningText: new Map(),
    reasoningBlocks: 0,
  };
}
