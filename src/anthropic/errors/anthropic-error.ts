import type { ApiError } from '../../common/errors/api-error';

/** Anthropic's error `type` values (https://docs.anthropic.com/en/api/errors). */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
  request_id?: string;
}

export interface AnthropicError {
  status: number;
  headers: Record<string, string>;
  body: AnthropicErrorBody;
}

const BY_STATUS: Record<number, AnthropicErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * The gateway's error (status and message already decided for OpenAI clients) in Anthropic's envelope and
 * status set: Bedrock's unavailability (503) is Anthropic's 529 `overloaded_error`, which Anthropic clients
 * back off from and retry; upstream failures and timeouts (502/504) are `api_error` 500s; 415 is a 400. The
 * `retry-after` header of a 429 stays.
 */
export function toAnthropicError(error: ApiError, requestId?: string): AnthropicError {
  const status =
    error.status === 503
      ? 529
      : error.status === 502 || error.status === 504
        ? 500
        : error.status === 415
          ? 400
          : error.status;
  const type = BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return {
    status,
    headers: error.headers,
    body: {
      type: 'error',
      error: { type, message: error.message },
      ...(requestId === undefined ? {} : { request_id: requestId }),
    },
  };
}
