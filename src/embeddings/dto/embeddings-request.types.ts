import { EMBEDDING_INPUT_TYPES, type EmbeddingInputType } from '../../providers/embeddings/embedding-adapter';

export { EMBEDDING_INPUT_TYPES, type EmbeddingInputType };

export const ENCODING_FORMATS = ['float', 'base64'] as const;
export type EncodingFormat = (typeof ENCODING_FORMATS)[number];

/** A string, strings, one token array, or token arrays (OpenAI's CreateEmbeddingRequest.input). */
export type EmbeddingInput = string | string[] | number[] | number[][];

/** POST /v1/embeddings body, as validated (src/embeddings/validation). */
export interface EmbeddingsRequest {
  model: string;
  input: EmbeddingInput;
  encoding_format?: EncodingFormat | null;
  dimensions?: number | null;
  user?: string | null;
  /** Not OpenAI's: what the texts are for (Cohere's `input_type`); default `search_document`. */
  input_type?: EmbeddingInputType | null;
}
