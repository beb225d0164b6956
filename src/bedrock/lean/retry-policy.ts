import { HttpResponse } from '@smithy/core/protocols';
import {
  getRetryAfterHint,
  isServerError,
  isThrottlingError,
  isTransientError,
  StandardRetryStrategy,
} from '@smithy/core/retry';
import { TruncatedResponseError } from './truncated-response.error';
import type { RetryErrorInfo, RetryErrorType, SdkError, StandardRetryToken } from '@smithy/types';

/** undici's names for a connection that failed before an answer arrived (Node's own codes are the SDK's). */
const UNDICI_TRANSIENT = new Set(['UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED']);

/**
 * The SDK's classification (`@smithy/core/retry`), plus undici's socket errors and a body cut short as
 * transient (the SDK sees both as the connection reset they are).
 */
function errorType(error: SdkError): RetryErrorType {
  if (isThrottlingError(error)) return 'THROTTLING';
  if (
    isTransientError(error) ||
    error instanceof TruncatedResponseError ||
    UNDICI_TRANSIENT.has(String((error as { code?: unknown }).code))
  ) {
    return 'TRANSIENT';
  }
  return isServerError(error) ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

function abortable(promise: Promise<StandardRetryToken>, signal: AbortSignal): Promise<StandardRetryToken> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (token) => {
        signal.removeEventListener('abort', onAbort);
        resolve(token);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * When to try a Bedrock call again: the SDK's own standard retry strategy (same error classes, exponential
 * backoff with jitter, throttling base delay, `retry-after` hint and the shared retry quota), honouring
 * `BEDROCK_MAX_ATTEMPTS`. Only failures before the first byte of a successful response come here.
 */
export class RetryPolicy {
  private readonly strategy: StandardRetryStrategy;

  constructor(readonly maxAttempts: number) {
    this.strategy = new StandardRetryStrategy(maxAttempts);
  }

  start(): Promise<StandardRetryToken> {
    return this.strategy.acquireInitialRetryToken('');
  }

  succeeded(token: StandardRetryToken): void {
    this.strategy.recordSuccess(token);
  }

  /**
   * Resolves with the token for the next attempt once its backoff has passed, or rejects (with `error`) when
   * the error is not retryable, attempts or quota are spent, or the call was aborted meanwhile.
   */
  async retry(
    token: StandardRetryToken,
    error: Error,
    response: { statusCode: number; headers: Record<string, string> } | undefined,
    signal: AbortSignal,
  ): Promise<StandardRetryToken> {
    if (signal.aborted) throw signal.reason;
    const sdkError = error as SdkError;
    const info: RetryErrorInfo = { error: sdkError, errorType: errorType(sdkError) };
    const hint = response ? getRetryAfterHint(new HttpResponse({ ...response, body: undefined })) : undefined;
    if (hint) info.retryAfterHint = hint;
    try {
      return await abortable(this.strategy.refreshRetryTokenForRetry(token, info), signal);
    } catch (refused) {
      if (signal.aborted) throw signal.reason;
      throw error;
    }
  }
}
