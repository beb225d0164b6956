/**
 * OpenAI's legacy Completions API (`POST /v1/completions`), the subset the gateway serves.
 * Spec: https://platform.openai.com/docs/api-reference/completions (and ../shared/specs/openai-openapi.yaml,
 * CreateCompletionRequest / CreateCompletionResponse).
 */
export interface CompletionRequest {
  model: string;
  /** One prompt or several; each gets `n` completions. */
  prompt: string | string[];
  max_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stop?: string | string[] | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  n?: number | null;
  suffix?: string | null;
  echo?: boolean | null;
  user?: string;
}

export type CompletionFinishReason = 'stop' | 'length' | 'content_filter';

export interface CompletionChoice {
  text: string;
  index: number;
  logprobs: null;
  finish_reason: CompletionFinishReason | null;
}

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** `text_completion`, also the shape of every stream chunk. */
export interface Completion {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage | null;
  /** Omitted: OpenAI's schema types it as a string, and Bedrock has no such fingerprint. */
  system_fingerprint?: string;
}
