import { validationError } from './engine.errors';

/**
 * Parses a JSON request body. An empty body counts as `{}` (what the SDK sends for a request with no
 * members, docs/bedrock-protocol.md §1.6). The wording for unparseable JSON is not captured publicly [UNVERIFIED].
 */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw validationError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
