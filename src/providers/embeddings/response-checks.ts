import { ApiError } from '../../common/errors/api-error';
import { isObject, type Json } from '../../common/validation/checks';

/** Bedrock answered 200 with a body that is not what the family documents: a 502, never a silent guess. */
export const malformedResponse = (what: string): ApiError =>
  new ApiError(502, `Bedrock returned an embeddings response the gateway could not read (${what}).`, {
    code: 'upstream_invalid_response',
  });

export function responseObject(body: unknown): Json {
  if (!isObject(body)) throw malformedResponse('not a JSON object');
  return body;
}

export function vector(value: unknown, where: string): number[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'number')) {
    throw malformedResponse(`${where} is not a list of numbers`);
  }
  return value as number[];
}

export function vectors(value: unknown, expected: number, where: string): number[][] {
  if (!Array.isArray(value)) throw malformedResponse(`${where} is not a list`);
  if (value.length !== expected) {
    throw malformedResponse(`${where} holds ${value.length} vectors for ${expected} texts`);
  }
  return value.map((v, i) => vector(v, `${where}[${i}]`));
}

export const tokenCount = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
