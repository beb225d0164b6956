import { parseCohereEmbeddings } from './cohere-embeddings.response';
import type { EmbeddingAdapter } from '../../embeddings/embedding-adapter';

/**
 * Cohere Embed v4: as v3 plus `output_dimension` (256/512/1024/1536); it always answers by embedding type,
 * so `float` is asked for by name (docs/bedrock-protocol.md §8.3).
 */
export const cohereV4Adapter: EmbeddingAdapter = {
  buildBody(texts, { inputType, dimensions }) {
    const body: Record<string, unknown> = { texts, input_type: inputType, embedding_types: ['float'] };
    if (dimensions !== undefined) body.output_dimension = dimensions;
    return body;
  },
  parseResponse: parseCohereEmbeddings,
};
