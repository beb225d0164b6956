import type { EmbeddingInputType } from '../dto/embeddings-request.types';

export interface EmbeddingOptions {
  /** Asked-for vector size, already checked against the model's; undefined: the model's default. */
  dimensions?: number;
  inputType: EmbeddingInputType;
}

export interface ParsedEmbeddings {
  /** One vector per text sent, in order. */
  vectors: number[][];
  /** Token count from the body, where the family reports one there. */
  inputTokens?: number;
}

/**
 * One native embedding API (wire doc §8.1–8.4) as two pure functions: the InvokeModel body for a batch of
 * texts (as many as the model's `maxBatch` allows), and the vectors read back from Bedrock's answer.
 */
export interface EmbeddingAdapter {
  buildBody(texts: readonly string[], options: EmbeddingOptions): Record<string, unknown>;
  parseResponse(body: unknown, expected: number): ParsedEmbeddings;
}
