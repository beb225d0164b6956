import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { toApiError } from '../errors/to-api-error';
import { SSE_DONE, sseData, sseError } from './sse-frames';

/** A stream of JSON-able chunks that can be told to stop its upstream. */
export interface SseSource<T> extends AsyncIterable<T> {
  cancel(): void;
}

/**
 * Turns a chunk stream into SSE bytes for Fastify to pipe. Each chunk is written as soon as it arrives (no
 * batching); when the socket pushes back, reading upstream pauses. An error after the first byte cannot change
 * the status any more, so it is written as an `error` frame and the stream ends without `[DONE]`. When the
 * client goes away Fastify destroys this stream, which cancels the upstream call at once (even while it is
 * waiting for Bedrock).
 */
export class SseReadable<T> extends Readable {
  private static readonly logger = new Logger('SSE');
  private readonly chunks: AsyncIterator<T>;
  private pumping = false;

  constructor(
    private readonly source: SseSource<T>,
    private readonly requestId: string,
  ) {
    super();
    this.chunks = source[Symbol.asyncIterator]();
  }

  override _read(): void {
    if (!this.pumping) void this.pump();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.source.cancel();
    void this.chunks.return?.()?.catch(() => undefined);
    callback(err);
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      for (;;) {
        const next = await this.chunks.next();
        if (this.destroyed) return;
        if (next.done) {
          this.push(SSE_DONE);
          this.push(null);
          return;
        }
        if (!this.push(sseData(JSON.stringify(next.value)))) return;
      }
    } catch (err) {
      if (this.destroyed) return;
      const error = toApiError(err, this.requestId);
      if (error.status >= 500) {
        SseReadable.logger.warn({
          msg: 'stream failed after the first byte',
          requestId: this.requestId,
          status: error.status,
          error: error.message,
        });
      }
      this.push(sseError(error.toBody()));
      this.push(null);
    } finally {
      this.pumping = false;
    }
  }
}
