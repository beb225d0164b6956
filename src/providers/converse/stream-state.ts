import type { FinishReason } from '../../chat/dto/chat-response.types';
import type { CompletionMeta } from './completion-meta';

/** Per-stream state for the event mapper; owned by one stream (one choice), never by the (stateless) adapter. */
export interface StreamState {
  readonly meta: CompletionMeta;
  /** The choice this stream fills (n > 1 runs one stream per choice). */
  readonly choice: number;
  /** Converse contentBlockIndex → OpenAI tool_calls index (0, 1, … in the order the calls appear). */
  readonly toolIndexByBlock: Map<number, number>;
  /** Tool blocks left out (parallel_tool_calls: false keeps only the first). */
  readonly skippedBlocks: Set<number>;
  /** Blocks of the structured-output tool, whose input is streamed as content. */
  readonly responseBlocks: Set<number>;
  /** Reasoning text per block, until its signature arrives and the block can be reported whole. */
  readonly reasoningText: Map<number, string>;
  reasoningBlocks: number;
  /** Structured output so far, checked against the schema when the answer ends. */
  structuredText: string;
  /** Text held back while structured output may still arrive through the response tool (or as an instruction answer). */
  heldText: string;
  finishReason?: FinishReason;
}

export function newStreamState(meta: CompletionMeta, choice = 0): StreamState {
  return {
    meta,
    choice,
    toolIndexByBlock: new Map(),
    skippedBlocks: new Set(),
    responseBlocks: new Set(),
    reasoningText: new Map(),
    reasoningBlocks: 0,
    structuredText: '',
    heldText: '',
  };
}
