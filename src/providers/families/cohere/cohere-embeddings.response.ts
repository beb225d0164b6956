import { isObject } from '../../../common/validation/checks';
import type { ParsedEmbeddings } from '../../embeddings/embedding-adapter';
import { malformedResponse, responseObject, vectors } from '../../embeddings/response-checks';

/**
 * Cohere Embed answers `embeddings` as a plain list (`embeddings_floats`) or, when embedding types were asked
 * for (always for v4), keyed by type: `{float: [[…]]}` (docs/bedrock-protocol.md §8.2, §8.3). Either form is read; the
 * token count comes only from Bedrock's header.
 */
export function parseCohereEmbeddings(body: unknown, expected: number): ParsedEmbeddings {
  const { embeddings } = responseObject(body);
  if (Array.isArray(embeddings)) return { vectors: vectors(embeddings, expected, 'embeddings') };
  if (isObject(embeddings) && 'float' in embeddings) {
    return { vectors: vectors(embeddings.float, expected, 'embeddings.float') };
  }
  throw malformedResponse('no float embeddings');
}
