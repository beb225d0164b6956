import { loadRestJsonErrorCode } from '@smithy/core/protocols';
import type { ResponseMetadata } from '@smithy/types';
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { collectBody, UndiciExchange } from './undici-exchange';
import { bedrockException, parseObject } from './bedrock-exception';
import type { RequestSigner } from './request-signer';
import type { RetryPolicy } from './retry-policy';
import type { RuntimeEndpoint } from './runtime-endpoint';
import { TruncatedResponseError } from './truncated-response.error';

export interface PostRequest {
  path: string;
  /** Lower-case names; the signer adds host, date, content hash and authorization. */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** A successful (2xx) answer whose body has not been read yet. */
export interface BedrockResponse {
  headers: IncomingHttpHeaders;
  /** Where the body arrives: collect it ({@link readBody}) or stream it (EventStreamReader). */
  exchange: UndiciExchange;
  $metadata: ResponseMetadata;
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const v = single(value);
    if (v !== undefined) flat[name] = v;
  }
  return flat;
}

/**
 * Sends signed POSTs to Bedrock's runtime over a pooled keep-alive connection, retrying what the SDK would
 * retry (throttling, 5xx, a connection lost before any answer) with the SDK's backoff. An error response
 * becomes the SDK's typed exception; a success is returned with its body still unread, so a stream starts
 * flowing at once.
 */
export class BedrockHttp {
  constructor(
    private readonly endpoint: RuntimeEndpoint,
    private readonly signer: RequestSigner,
    private readonly pool: Dispatcher,
    private readonly retries: RetryPolicy,
  ) {}

  /**
   * Sends the request and hands a 2xx answer to `consume` (read the whole body, or the first event of a
   * stream). Everything up to the end of `consume` counts as "before the first byte": an error response, a
   * connection lost, a body cut short, an exception in a stream's first frame — and is retried the way the
   * SDK retries it. What `consume` returns is past that point and never retried.
   */
  async send<T>(
    request: PostRequest,
    signal: AbortSignal,
    consume: (res: BedrockResponse) => Promise<T>,
  ): Promise<T> {
    let token = await this.retries.start();
    let totalRetryDelay = 0;
    for (let attempt = 1; ; attempt++) {
      const headers = await this.signer.sign({
        method: 'POST',
        host: this.endpoint.host,
        path: request.path,
        headers: {
          ...request.headers,
          'amz-sdk-request': `attempt=${attempt}; max=${this.retries.maxAttempts}`,
        },
        body: request.body,
      });
      let failure: Error;
      let answered: { statusCode: number; headers: Record<string, string> } | undefined;
      const exchange = new UndiciExchange(signal);
      try {
        this.pool.dispatch({ method: 'POST', path: request.path, headers, body: request.body }, exchange);
        const res = await exchange.head;
        const $metadata: ResponseMetadata = {
          httpStatusCode: res.statusCode,
          requestId: single(res.headers['x-amzn-requestid']),
          extendedRequestId: single(res.headers['x-amz-id-2']),
          cfId: single(res.headers['x-amz-cf-id']),
          attempts: attempt,
          totalRetryDelay,
        };
        if (res.statusCode >= 200 && res.statusCode < 300) {
          const result = await consume({ headers: res.headers, exchange, $metadata });
          this.retries.succeeded(token);
          return result;
        }
        answered = { statusCode: res.statusCode, headers: flatHeaders(res.headers) };
        failure = await this.errorFrom(exchange, answered, $metadata);
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        failure = err instanceof Error ? err : new Error(String(err));
      }
      const waitStarted = Date.now();
      token = await this.retries.retry(token, failure, answered, signal);
      totalRetryDelay += Date.now() - waitStarted;
    }
  }

  /** Bedrock's error response (docs/bedrock-protocol.md §6.2) as the SDK's exception: code from `x-amzn-errortype` or the body. */
  private async errorFrom(
    exchange: UndiciExchange,
    res: { statusCode: number; headers: Record<string, string> },
    $metadata: ResponseMetadata,
  ): Promise<Error> {
    let text: string;
    try {
      text = (await collectBody(exchange)).toString('utf8');
    } catch (err) {
      return new TruncatedResponseError('Bedrock’s error response was cut off.', $metadata, { cause: err });
    }
    const body = parseObject(text);
    const name = loadRestJsonErrorCode({ ...res, body: undefined }, body) ?? 'Unknown';
    return bedrockException(name, body, $metadata);
  }

  destroy(): void {
    void this.pool.destroy().catch(() => undefined);
  }
}

/** Reads a whole successful body; a connection lost mid-body is a truncated answer (retried like a reset). */
export async function readBody(res: BedrockResponse): Promise<Buffer> {
  try {
    return await collectBody(res.exchange);
  } catch (err) {
    throw new TruncatedResponseError('Bedrock’s response was cut off.', res.$metadata, { cause: err });
  }
}
