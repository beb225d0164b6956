import { invalidRequest } from '../../common/errors/api-error';
import type { TokenEncodingName } from '../../config/env.schema';
import type { EmbeddingInput } from '../dto/embeddings-request.types';
import { decodeTokens } from './token-decoder';

function fromTokens(tokens: readonly number[], param: string, encoding: TokenEncodingName): string {
  const text = decodeTokens(tokens, encoding);
  if (text === undefined) {
    throw invalidRequest(
      `Invalid '${param}': the token array holds ids outside the ${encoding} vocabulary.`,
      param,
      'invalid_value',
    );
  }
  if (text.length === 0) {
    throw invalidRequest(
      `Invalid '${param}': the token array decodes to empty text.`,
      param,
      'invalid_value',
    );
  }
  return text;
}

/**
 * The texts to embed, in order, from any of OpenAI's input forms (already validated). Bedrock's embedding
 * models take text, not OpenAI token ids, so token arrays (the default of LangChain's Python
 * OpenAIEmbeddings, which counts context length with tiktoken) are decoded with the OpenAI tokenizer that
 * produced them (EMBEDDING_TOKEN_ENCODING, cl100k_base for every OpenAI embedding model).
 */
export function embeddingTexts(input: EmbeddingInput, encoding: TokenEncodingName): string[] {
  if (typeof input === 'string') return [input];
  if (typeof input[0] === 'number') return [fromTokens(input as number[], 'input', encoding)];
  return (input as (string | number[])[]).map((item, i) =>
    typeof item === 'string' ? item : fromTokens(item, `input[${i}]`, encoding),
  );
}
