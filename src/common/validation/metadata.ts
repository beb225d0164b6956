import { invalidRequest } from '../errors/api-error';
import { isObject, wrongType } from './checks';

/** OpenAI's `metadata`: at most 16 pairs of strings (chat completions and Responses alike). */
export function validateMetadata(value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) throw wrongType('metadata', 'an object', value);
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw invalidRequest(
      "Invalid 'metadata': at most 16 key-value pairs are allowed.",
      'metadata',
      'invalid_value',
    );
  }
  for (const [k, v] of entries) if (typeof v !== 'string') throw wrongType(`metadata.${k}`, 'a string', v);
}
