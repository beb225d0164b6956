export interface Embedding {
  object: 'embedding';
  index: number;
  /** Floats, or their little-endian float32 bytes in base64 (`encoding_format: "base64"`). */
  embedding: number[] | string;
}

/** OpenAI's CreateEmbeddingResponse. */
export interface EmbeddingsResponse {
  object: 'list';
  data: Embedding[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}
