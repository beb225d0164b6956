/** Cohere's `input_type` values; also mapped onto Nova's embedding purpose. */
export const EMBEDDING_INPUT_TYPES = [
  'search_document',
  'search_query',
  'classification',
  'clustering',
] as const;
export type EmbeddingInputType = (typeof EMBEDDING_INPUT_TYPES)[number];

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
 * One native embedding API (docs/bedrock-protocol.md, "Embeddings") as two pure functions: the InvokeModel body for a batch of
 * texts (as many as the model's `maxBatch` allows), and the vectors read back from Bedrock's answer.
 */
export interface EmbeddingAdapter {
  buildBody(texts: readonly string[], options: EmbeddingOptions): Record<string, unknown>;
  parseResponse(body: unknown, expected: number): ParsedEmbeddings;
}
