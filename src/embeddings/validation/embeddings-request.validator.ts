import { invalidRequest } from '../../common/errors/api-error';
import {
  isObject,
  optionalEnum,
  optionalNumber,
  optionalString,
  requireArray,
  requireString,
  wrongType,
} from '../../common/validation/checks';
import {
  EMBEDDING_INPUT_TYPES,
  ENCODING_FORMATS,
  type EmbeddingsRequest,
} from '../dto/embeddings-request.types';

/** OpenAI's limit on inputs per request (CreateEmbeddingRequest.input, maxItems 2048). */
export const MAX_INPUTS = 2048;

const INPUT_FORMS = 'a string, an array of strings, an array of integers, or an array of integer arrays';

function validateTokens(tokens: unknown[], param: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0) {
      throw wrongType(`${param}[${i}]`, 'a non-negative integer (a token id)', t);
    }
  }
}

/**
 * `input` in one of OpenAI's four forms, the form decided by the first element and then held to. Empty
 * strings and empty token arrays are refused as OpenAI refuses them (no embedding model accepts them).
 */
function validateInput(input: unknown): void {
  if (typeof input === 'string') {
    requireString(input, 'input', { nonEmpty: true });
    return;
  }
  if (input === null || (input !== undefined && !Array.isArray(input)))
    throw wrongType('input', INPUT_FORMS, input);
  const items = requireArray(input, 'input', { minLength: 1, maxLength: MAX_INPUTS });
  const first = items[0];
  if (typeof first === 'number') {
    validateTokens(items, 'input');
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const param = `input[${i}]`;
    if (typeof first === 'string') requireString(items[i], param, { nonEmpty: true });
    else if (Array.isArray(first)) validateTokens(requireArray(items[i], param, { minLength: 1 }), param);
    else throw wrongType(param, 'a string or an array of integers', items[i]);
  }
}

/** Validates an embeddings body in place and returns it typed; unknown fields are left alone. */
export function validateEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  requireString(body.model, 'model', { nonEmpty: true });
  validateInput(body.input);
  optionalEnum(body.encoding_format, 'encoding_format', ENCODING_FORMATS);
  optionalNumber(body.dimensions, 'dimensions', { min: 1, integer: true });
  optionalString(body.user, 'user');
  optionalEnum(body.input_type, 'input_type', EMBEDDING_INPUT_TYPES);
  return body as unknown as EmbeddingsRequest;
}
