import type { FinishReason } from '../chat-response.types';
import type { CompletionMeta } from './completion-meta';

/** Per-stream state for the event mapper; owned by one stream (one choice), never shared. */
export interface StreamState {
  readonly meta: CompletionMeta;
  /** The choice this stream fills (n > 1 runs one stream per choice). */
  readonly choice: number;
  /** Converse contentBlockIndex → OpenAI tool_calls index (0, 1, … in the order the calls appear). */
  readonly toolIndexByBlock: Map<number, number>;
  /** Reasoning text per block, until its signature arrives and the block can be reported whole. */
  readonly reasoningText: Map<number, string>;
  reasoningBlocks: number;
  finishReason?: FinishReason;
}

export function newStreamState(meta: CompletionMeta, choice = 0): StreamState {
  return { meta, choice, toolIndexByBlock: new Map(), reasoningText: new Map(), reasoningBlocks: 0 };
}
