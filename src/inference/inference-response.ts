import type {
  ContentBlock,
  ConverseStreamOutput,
  StopReason,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';

/**
 * The internal answer, in Converse's shapes whatever back-end produced it (native InvokeModel responses are
 * parsed into the same blocks). Structured output is already resolved here: the answer is text that matched
 * the schema, whichever way the family obtained it (native output config, a forced tool, an instruction).
 */
export interface InferenceResponse {
  content: ContentBlock[];
  stopReason: StopReason | string;
  usage: TokenUsage;
  /** The Bedrock modelId that answered (differs from the requested one after a fallback). */
  modelId: string;
  /** Bedrock's own latency for the call, when it reported one (Converse `metrics.latencyMs`). */
  latencyMs?: number;
}

/**
 * The internal stream: ConverseStream's events in order (messageStart, contentBlockStart/Delta/Stop,
 * messageStop, metadata), whichever back-end produced them. Resolves only once Bedrock accepted the call, so
 * an error before the first byte is an ordinary error; an error after it is thrown by the iterator.
 */
export interface InferenceStream extends AsyncIterable<ConverseStreamOutput> {
  /** The Bedrock modelId that answers. */
  readonly modelId: string;
  /**
   * Stops the Bedrock call at once (the client went away, or the dialect stopped reading); safe to call more
   * than once. Breaking out of the iteration does the same, but cannot interrupt a pending read.
   */
  cancel?(reason?: unknown): void;
}
