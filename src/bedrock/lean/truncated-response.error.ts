import type { ResponseMetadata } from '@smithy/types';

/**
 * Bedrock's answer stopped before it was complete: the connection closed mid-body or inside an event-stream
 * frame. Shaped like an upstream error (`$fault`, `$metadata`) so the gateway reports a 502, never a success
 * built from half an answer. (The SDK's default HTTP/2 handler ends such a stream quietly; emulator README.)
 */
export class TruncatedResponseError extends Error {
  override name = 'TruncatedResponseError';
  readonly $fault = 'server';

  constructor(
    message: string,
    readonly $metadata: ResponseMetadata,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
