import { parseCohereEmbeddings } from './cohere-embeddings.response';
import type { EmbeddingAdapter } from '../../embeddings/embedding-adapter';

/**
 * Cohere Embed English/Multilingual v3: up to 96 texts per call and a required `input_type` (docs/bedrock-protocol.md §8.2).
 * `truncate` stays at its default, NONE: an over-long text is an error, as it is on OpenAI, not silently cut.
 */
export const cohereV3Adapter: EmbeddingAdapter = {
  buildBody: (texts, { inputType }) => ({ texts, input_type: inputType }),
  parseResponse: parseCohereEmbeddings,
};
