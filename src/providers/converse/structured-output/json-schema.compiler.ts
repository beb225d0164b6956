import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { invalidRequest } from '../../../common/errors/api-error';

/**
 * Compiles the JSON Schemas of `response_format` (draft 2020-12, which OpenAI's structured outputs follow;
 * unknown keywords tolerated). Compiled validators are cached by schema text: clients send the same schema
 * on every call, and compiling costs far more than validating.
 */
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const cache = new Map<string, ValidateFunction>();
const CACHE_LIMIT = 256;

export function compileSchema(schema: Record<string, unknown>, param: string): ValidateFunction {
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit) return hit;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    throw invalidRequest(
      `Invalid '${param}': not a usable JSON Schema (${(err as Error).message}).`,
      param,
      'invalid_json_schema',
    );
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, validate);
  return validate;
}

/** The first problem ajv found, in words. */
export function describeErrors(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  return e ? `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}` : 'does not match the schema';
}
