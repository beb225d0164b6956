import type { EmbeddingInputType } from '../../embeddings/embedding-adapter';
import type { EmbeddingAdapter } from '../../embeddings/embedding-adapter';
import { malformedResponse, responseObject, vector } from '../../embeddings/response-checks';

/**
 * Nova's counterpart of Cohere's `input_type`. Queries get TEXT_RETRIEVAL: what this endpoint indexes is
 * text only, which is the case that purpose is tuned for (docs/bedrock-protocol.md §8.4).
 */
const PURPOSE: Record<EmbeddingInputType, string> = {
  search_document: 'GENERIC_INDEX',
  search_query: 'TEXT_RETRIEVAL',
  classification: 'CLASSIFICATION',
  clustering: 'CLUSTERING',
};

/**
 * Nova Multimodal Embeddings, synchronous SINGLE_EMBEDDING: one text per call, `embeddingDimension`
 * 256/384/1024/3072; answers `{embeddings: [{embeddingType, embedding}]}` with no token count in the body.
 * `truncationMode: NONE` makes an over-long text an error, as on OpenAI.
 */
export const novaAdapter: EmbeddingAdapter = {
  buildBody([text], { dimensions, inputType }) {
    const params: Record<string, unknown> = {
      embeddingPurpose: PURPOSE[inputType],
      text: { truncationMode: 'NONE', value: text },
    };
    if (dimensions !== undefined) params.embeddingDimension = dimensions;
    return { taskType: 'SINGLE_EMBEDDING', singleEmbeddingParams: params };
  },
  parseResponse(body) {
    const { embeddings } = responseObject(body);
    if (!Array.isArray(embeddings) || embeddings.length !== 1) {
      throw malformedResponse('embeddings is not a list of one');
    }
    return {
      vectors: [vector((embeddings[0] as { embedding?: unknown }).embedding, 'embeddings[0].embedding')],
    };
  },
};
