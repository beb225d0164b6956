/** One completed request's token usage, keyed by who called and which model. */
export interface UsageRecord {
  requestId: string;
  /** Name of the API key (team) that made the request. */
  key: string;
  endpoint: 'chat.completions' | 'embeddings' | 'messages';
  /** The model as the client named it. */
  model: string;
  /** The Bedrock modelId called. */
  modelId?: string;
  stream: boolean;
  /** 'ok', or 'error' for a stream that failed after it started. */
  outcome: 'ok' | 'error';
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  durationMs: number;
}

/** Running totals per key and model. */
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
