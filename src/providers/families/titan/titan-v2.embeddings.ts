import type { EmbeddingAdapter } from '../../embeddings/embedding-adapter';
import { titanV1Adapter } from './titan-v1.embeddings';

/**
 * Titan Text Embeddings V2: one text per call, `dimensions` 256/512/1024 (docs/bedrock-protocol.md §8.1). `normalize` is
 * sent explicitly because OpenAI's embeddings are unit length and clients rely on it (a dot product as
 * cosine similarity). The answer has G1's shape plus `embeddingsByType`.
 */
export const titanV2Adapter: EmbeddingAdapter = {
  buildBody([text], { dimensions }) {
    const body: Record<string, unknown> = { inputText: text, normalize: true };
    if (dimensions !== undefined) body.dimensions = dimensions;
    return body;
  },
  parseResponse: titanV1Adapter.parseResponse,
};
