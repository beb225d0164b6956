import type { OpenAIErrorType } from './api-error';

export interface UpstreamErrorMapping {
  status: number;
  type: OpenAIErrorType;
  code: string;
  /** Seconds for `retry-after`, where retrying later can help. */
  retryAfter?: number;
}

/**
 * The one table from Bedrock's exception names (docs/bedrock-protocol.md §6.1) to what the client sees. The SDK has already
 * retried the retryable ones (429/500/503) by the time an error reaches this table, so `retry-after` asks
 * the client to back off rather than hammer a throttled account.
 */
export const BEDROCK_ERROR_TABLE: Readonly<Record<string, UpstreamErrorMapping>> = {
  ValidationException: { status: 400, type: 'invalid_request_error', code: 'invalid_request' },
  ConflictException: { status: 400, type: 'invalid_request_error', code: 'conflict' },
  AccessDeniedException: { status: 403, type: 'permission_error', code: 'access_denied' },
  ResourceNotFoundException: { status: 404, type: 'invalid_request_error', code: 'model_not_found' },
  ThrottlingException: { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', retryAfter: 2 },
  ServiceQuotaExceededException: {
    status: 429,
    type: 'rate_limit_error',
    code: 'quota_exceeded',
    retryAfter: 10,
  },
  ModelNotReadyException: {
    status: 503,
    type: 'service_unavailable_error',
    code: 'model_not_ready',
    retryAfter: 5,
  },
  ModelTimeoutException: { status: 504, type: 'timeout_error', code: 'model_timeout' },
  ModelErrorException: { status: 502, type: 'upstream_error', code: 'model_error' },
  ModelStreamErrorException: { status: 502, type: 'upstream_error', code: 'model_stream_error' },
  InternalServerException: { status: 502, type: 'upstream_error', code: 'bedrock_internal_error' },
  ServiceUnavailableException: {
    status: 503,
    type: 'service_unavailable_error',
    code: 'bedrock_unavailable',
    retryAfter: 5,
  },
};

/**
 * Errors that mean the gateway's own AWS identity is missing or wrong: not the client's fault and nothing it
 * can fix, so a 500 without the detail, which goes to the log instead.
 */
export const GATEWAY_CREDENTIAL_ERRORS = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'IncompleteSignatureException',
  'CredentialsProviderError',
  'TokenProviderError',
]);
