import { HttpException } from '@nestjs/common';
import { ApiError } from './api-error';
import { BEDROCK_ERROR_TABLE, GATEWAY_CREDENTIAL_ERRORS } from './bedrock-error.table';

/** The shape an AWS SDK service exception (or the lean transport's equivalent) has. */
interface UpstreamLikeError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

const isUpstream = (e: unknown): e is UpstreamLikeError =>
  e instanceof Error && (typeof (e as UpstreamLikeError).$fault === 'string' || '$metadata' in e);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/** Bedrock phrases a too-long prompt like this; OpenAI clients look for `context_length_exceeded` to trim. */
const CONTEXT_LENGTH = /input is too long|too many (input )?tokens|context (window|length)/i;

function fromUpstream(e: UpstreamLikeError): ApiError {
  const row = BEDROCK_ERROR_TABLE[e.name];
  if (!row) {
    const status = e.$metadata?.httpStatusCode;
    return new ApiError(
      502,
      `Bedrock returned an unexpected error (${e.name}${status ? `, HTTP ${status}` : ''}).`,
      {
        code: 'upstream_error',
      },
    );
  }
  const code = row.status === 400 && CONTEXT_LENGTH.test(e.message) ? 'context_length_exceeded' : row.code;
  return new ApiError(row.status, e.message || e.name, {
    type: row.type,
    code,
    headers: row.retryAfter ? { 'retry-after': String(row.retryAfter) } : {},
  });
}

/**
 * Nest hands Fastify's body-parsing failures over as plain HttpExceptions (the FST_ code is dropped), so they
 * are recognised by status and Fastify's wording and reworded for API clients.
 */
function fromHttpException(e: HttpException): ApiError {
  const status = e.getStatus();
  const res = e.getResponse();
  const message =
    typeof res === 'string'
      ? res
      : Array.isArray((res as { message?: unknown }).message)
        ? (res as { message: string[] }).message.join('; ')
        : String((res as { message?: unknown }).message ?? e.message);
  if (status === 415) {
    return new ApiError(
      415,
      "Unsupported Content-Type: send the request body as JSON with 'Content-Type: application/json'.",
      {
        code: 'unsupported_media_type',
      },
    );
  }
  if (status === 413) {
    return new ApiError(413, 'The request body is larger than this gateway accepts (MAX_REQUEST_BYTES).', {
      code: 'request_too_large',
    });
  }
  if (status === 400 && /^Body (is not valid JSON|cannot be empty)/.test(message)) {
    return new ApiError(400, 'The request body is not valid JSON.', { code: 'invalid_json' });
  }
  const route = status === 404 ? /^Cannot (\w+) (.*)$/.exec(message) : null;
  if (route) return new ApiError(404, `Invalid URL (${route[1]} ${route[2]})`, { code: 'unknown_url' });
  return new ApiError(status, message);
}

/**
 * Turns anything thrown while serving a request into the error the client sees. Unknown errors become a 500
 * whose message carries only the request id: internals stay in the log.
 */
export function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HttpException) return fromHttpException(err);
  if (!(err instanceof Error)) return internal(requestId);
  // Nobody is left to read a response; 499 (nginx's "client closed request") keeps logs and usage honest.
  if (err.name === 'ClientGoneError')
    return new ApiError(499, err.message, { code: 'client_closed_request' });
  if (GATEWAY_CREDENTIAL_ERRORS.has(err.name)) {
    return new ApiError(
      500,
      `The gateway's AWS credentials are missing or were rejected (request id ${requestId}).`,
      {
        type: 'server_error',
        code: 'gateway_credentials',
      },
    );
  }
  // Socket-level failures first: the SDK decorates them with $metadata too, but they are not Bedrock's answers.
  const code = networkCode(err);
  if (code) {
    return new ApiError(502, 'Bedrock could not be reached.', { code: 'upstream_unreachable' });
  }
  if (err.name === 'TimeoutError' || (err as { code?: unknown }).code === 'ETIMEDOUT') {
    return new ApiError(504, 'Bedrock did not answer in time.', { code: 'upstream_timeout' });
  }
  if (isUpstream(err)) return fromUpstream(err);
  return internal(requestId);
}

/**
 * The network error code of an error or of its cause, if it is one: the SDK's HTTP/2 handler reports a refused
 * connection as ERR_HTTP2_STREAM_CANCEL caused by ECONNREFUSED, fetch-style clients wrap it the same way.
 */
function networkCode(err: Error): string | undefined {
  for (const candidate of [
    (err as { code?: unknown }).code,
    (err as { cause?: { code?: unknown } }).cause?.code,
  ]) {
    if (typeof candidate === 'string' && NETWORK_CODES.has(candidate)) return candidate;
  }
  return undefined;
}

function internal(requestId: string): ApiError {
  return new ApiError(500, `The gateway failed to handle this request (request id ${requestId}).`, {
    type: 'server_error',
    code: 'internal_error',
  });
}
