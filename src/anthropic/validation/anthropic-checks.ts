import { ApiError, invalidRequest } from '../../common/errors/api-error';

/**
 * Checks that read the body in place and fail the way Anthropic's API words it: `<path>: Field required`,
 * `<path>: Input should be a valid string`, with dotted paths (`messages.2.content.0.source.data`).
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const invalid = (path: string, message: string): ApiError =>
  invalidRequest(`${path}: ${message}`, path, 'invalid_request');

export const required = (path: string): ApiError => invalid(path, 'Field required');

const TYPE_WORDS: Record<string, string> = {
  string: 'a valid string',
  object: 'a valid dictionary',
  array: 'a valid list',
  integer: 'a valid integer',
  number: 'a valid number',
  boolean: 'a valid boolean',
};

export const wrongType = (path: string, type: keyof typeof TYPE_WORDS): ApiError =>
  invalid(path, `Input should be ${TYPE_WORDS[type]}`);

export function requireObject(v: unknown, path: string): Json {
  if (v === undefined) throw required(path);
  if (!isObject(v)) throw wrongType(path, 'object');
  return v;
}

export function optionalObject(v: unknown, path: string): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw wrongType(path, 'object');
  return v;
}

export function requireString(v: unknown, path: string): string {
  if (v === undefined || v === null) throw required(path);
  if (typeof v !== 'string') throw wrongType(path, 'string');
  return v;
}

export function optionalString(v: unknown, path: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrongType(path, 'string');
  return v;
}

export function requireArray(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) throw required(path);
  if (!Array.isArray(v)) throw wrongType(path, 'array');
  return v;
}

export function optionalBoolean(v: unknown, path: string): void {
  if (v !== undefined && v !== null && typeof v !== 'boolean') throw wrongType(path, 'boolean');
}

const INT32_MAX = 2 ** 31 - 1;

export function optionalNumber(
  v: unknown,
  path: string,
  { min, max, integer = false }: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
    throw wrongType(path, integer ? 'integer' : 'number');
  }
  // Bedrock's integer members are 32-bit: a larger one (or 1e30, which parses as an integer) cannot be sent.
  if (integer && v > INT32_MAX) throw invalid(path, `Input should be less than or equal to ${INT32_MAX}`);
  if (integer && v < -INT32_MAX - 1)
    throw invalid(path, `Input should be greater than or equal to ${-INT32_MAX - 1}`);
  if (min !== undefined && v < min) throw invalid(path, `Input should be greater than or equal to ${min}`);
  if (max !== undefined && v > max) throw invalid(path, `Input should be less than or equal to ${max}`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw invalid(path, `Input should be ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return v as T;
}

export function optionalStringArray(v: unknown, path: string): void {
  if (v === undefined || v === null) return;
  requireArray(v, path).forEach((s, i) => requireString(s, `${path}.${i}`));
}
