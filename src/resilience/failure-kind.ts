import { toApiError } from '../common/errors/to-api-error';

/**
 * What a failed attempt (before its first byte) allows next:
 * - `fallback`: throttling or quota (429), Bedrock or the model unavailable, not ready, failing or timing out
 *   (502/503/504), Bedrock unreachable — another model may well answer;
 * - `context`: the prompt is longer than the model's window — only a model with a larger window helps;
 * - `final`: the request itself is wrong, the key or the gateway lacks access, or the client left.
 */
export type FailureKind = 'fallback' | 'context' | 'final';

export function failureKind(err: unknown): FailureKind {
  const e = toApiError(err, '');
  if (e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504) return 'fallback';
  if (e.code === 'context_length_exceeded') return 'context';
  return 'final';
}
