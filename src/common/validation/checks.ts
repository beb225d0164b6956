import { ApiError, invalidRequest } from '../errors/api-error';

/**
 * Small checks that throw OpenAI-style 400s (same wording and `code` values OpenAI uses, so clients and users
 * recognise them). They read values in place: no copies, no class instances, cheap on large message arrays.
 */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a decimal';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return 'an object';
}

export const missing = (param: string): ApiError =>
  invalidRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');

export const wrongType = (param: string, expected: string, got: unknown): ApiError =>
  invalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${typeName(got)} instead.`,
    param,
    'invalid_type',
  );

export const invalidValue = (param: string, value: unknown, allowed: readonly string[]): ApiError =>
  invalidRequest(
    `Invalid value for '${param}': ${JSON.stringify(value)}. Supported values are: ${allowed.map((a) => `'${a}'`).join(', ')}.`,
    param,
    'invalid_value',
  );

export function requireObject(v: unknown, param: string): Json {
  if (v === undefined) throw missing(param);
  if (!isObject(v)) throw wrongType(param, 'an object', v);
  return v;
}

export function optionalString(v: unknown, param: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrongType(param, 'a string', v);
  return v;
}

export function requireString(v: unknown, param: string, { nonEmpty = false } = {}): string {
  if (v === undefined || v === null) throw missing(param);
  if (typeof v !== 'string') throw wrongType(param, 'a string', v);
  if (nonEmpty && v.length === 0) {
    throw invalidRequest(
      `Invalid '${param}': empty string. Expected a non-empty string.`,
      param,
      'empty_string',
    );
  }
  return v;
}

export function optionalBoolean(v: unknown, param: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw wrongType(param, 'a boolean', v);
  return v;
}

const INT32_MAX = 2 ** 31 - 1;

export function optionalNumber(
  v: unknown,
  param: string,
  {
    min,
    integer = false,
    // Bedrock models its integers as 32-bit: a larger one could only fail there, after a round trip.
    max = integer ? INT32_MAX : undefined,
  }: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
    throw wrongType(param, integer ? 'an integer' : 'a number', v);
  }
  const kind = integer ? 'integer' : 'decimal';
  if (min !== undefined && v < min) {
    throw invalidRequest(
      `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${v} instead.`,
      param,
      `${kind}_below_min_value`,
    );
  }
  if (max !== undefined && v > max) {
    throw invalidRequest(
      `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${v} instead.`,
      param,
      `${kind}_above_max_value`,
    );
  }
  return v;
}

export function requireArray(
  v: unknown,
  param: string,
  { minLength = 0, maxLength = Infinity } = {},
): unknown[] {
  if (v === undefined) throw missing(param);
  if (!Array.isArray(v)) throw wrongType(param, 'an array', v);
  if (v.length < minLength) {
    throw invalidRequest(
      `Invalid '${param}': empty array. Expected an array with minimum length ${minLength}, but got an empty array instead.`,
      param,
      'empty_array',
    );
  }
  if (v.length > maxLength) {
    throw invalidRequest(
      `Invalid '${param}': array too long. Expected an array with maximum length ${maxLength}, but got an array with length ${v.length} instead.`,
      param,
      'array_above_max_length',
    );
  }
  return v;
}

export function optionalEnum<T extends string>(
  v: unknown,
  param: string,
  allowed: readonly T[],
): T | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw invalidValue(param, v, allowed);
  return v as T;
}
