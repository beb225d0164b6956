import type { ReasoningDetail, ToolCall } from './chat-request.types';

/** OpenAI's finish reasons (the subset Bedrock can produce). */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: {
    cached_tokens: number;
    /** Tokens written to Bedrock's prompt cache by this request (billed at the cache-write rate). */
    cache_write_tokens?: number;
  };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface AssistantResponseMessage {
  role: 'assistant';
  content: string | null;
  refusal: null;
  tool_calls?: ToolCall[];
  reasoning_content?: string;
  reasoning_details?: ReasoningDetail[];
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: AssistantResponseMessage;
    logprobs: null;
    finish_reason: FinishReason;
  }[];
  usage: CompletionUsage;
  system_fingerprint: null;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function: { name?: string; arguments: string };
}

export interface ChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: null;
  reasoning_content?: string;
  reasoning_details?: ReasoningDetail[];
  tool_calls?: ToolCallDelta[];
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: { index: number; delta: ChunkDelta; logprobs: null; finish_reason: FinishReason | null }[];
  system_fingerprint: null;
  usage?: CompletionUsage | null;
}
