/** OpenAI's error `type` values (https://platform.openai.com/docs/guides/error-codes). */
export type OpenAIErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'insufficient_quota'
  | 'timeout_error'
  | 'upstream_error'
  | 'service_unavailable_error'
  | 'server_error';

export interface OpenAIErrorBody {
  error: { message: string; type: OpenAIErrorType; param: string | null; code: string | null };
}

export interface ApiErrorOptions {
  type?: OpenAIErrorType;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

const DEFAULT_TYPE: Record<number, OpenAIErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
  502: 'upstream_error',
  503: 'service_unavailable_error',
  504: 'timeout_error',
};

/** An error the gateway means to show the client, with the status and OpenAI envelope fields it should carry. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly type: OpenAIErrorType;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.type =
      options.type ?? DEFAULT_TYPE[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.headers = options.headers ?? {};
  }

  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 for a request field the client got wrong; `param` names it the way OpenAI does (`messages[1].role`). */
export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiError(400, message, { param, code });

/** 400 for a feature the chosen model does not have, naming both. */
export const unsupportedFeature = (model: string, feature: string, param: string | null = null) =>
  new ApiError(400, `The model '${model}' does not support ${feature}.`, {
    param,
    code: 'unsupported_feature',
  });
