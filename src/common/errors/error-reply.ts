import { isAnthropicRequest } from '../../anthropic/anthropic-route';
import { toAnthropicError } from '../../anthropic/errors/anthropic-error';
import type { ApiError } from './api-error';

/** What leaves for an error: its status, headers and body, in the envelope of the request's dialect. */
export interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: object;
}

/**
 * The one place that picks an error's envelope: OpenAI's `{"error":{…}}` everywhere, Anthropic's
 * `{"type":"error","error":{…}}` with its statuses on the routes of Anthropic's dialect. `request` is what is
 * known of the request: the exception filter has Fastify's request, the HTTP parser's refusals only the
 * bytes that arrived (see client-error.handler.ts). `url` is the rewritten one (API_ROUTE_PREFIX mapped
 * onto `/v1`).
 */
export function errorReply(
  error: ApiError,
  request: { url: string; headers: Record<string, unknown> },
  requestId?: string,
): ErrorReply {
  if (isAnthropicRequest(request)) return toAnthropicError(error, requestId);
  return { status: error.status, headers: error.headers, body: error.toBody() };
}
