import type { EmbeddingAdapter } from '../../embeddings/embedding-adapter';
import { responseObject, tokenCount, vector } from '../../embeddings/response-checks';

/**
 * Titan Text Embeddings G1 (`amazon.titan-embed-text-v1`): one text per call, `{inputText}` and nothing else
 * (any other field is rejected); answers `{embedding, inputTextTokenCount}` (docs/bedrock-protocol.md §8.1).
 */
export const titanV1Adapter: EmbeddingAdapter = {
  buildBody: ([text]) => ({ inputText: text }),
  parseResponse(body) {
    const json = responseObject(body);
    return {
      vectors: [vector(json.embedding, 'embedding')],
      inputTokens: tokenCount(json.inputTextTokenCount),
    };
  },
};
