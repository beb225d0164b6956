/** One completed request's token usage, keyed by who called and which model. */
export interface UsageRecord {
  requestId: string;
  /** Name of the API key (team) that made the request. */
  key: string;
  endpoint: 'chat.completions' | 'embeddings' | 'responses' | 'messages';
  /** The model as the client named it. */
  model: string;
  /** The Bedrock modelId called. */
  modelId?: string;
  /** The fallback model that answered instead of `model` (absent when `model` itself answered). */
  servedModel?: string;
  /** Models tried before the one that answered. */
  fallbacks?: number;
  stream: boolean;
  /** 'ok', or 'error' for a stream that failed after it started. */
  outcome: 'ok' | 'error';
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  durationMs: number;
}

/** Running totals per key and model (a model name no operator or catalog gave is counted as `other`). */
export interface UsageTotals {
  key: string;
  model: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
}
