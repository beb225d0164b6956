import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { ApiError } from '../errors/api-error';
import { toApiError } from '../errors/to-api-error';
import { SSE_DONE, sseData, sseError } from './sse-frames';

/** A stream of JSON-able chunks that can be told to stop its upstream. */
export interface SseSource<T> extends AsyncIterable<T> {
  cancel(): void;
}

/** How one client protocol frames its events: OpenAI's `data:` lines and `[DONE]`, Anthropic's named events. */
export interface SseFraming<T> {
  frame(chunk: T): string;
  /** Written after the last chunk ('' for none). */
  end: string;
  error(error: ApiError, requestId: string): string;
}

export const OPENAI_FRAMING: SseFraming<unknown> = {
  frame: (chunk) => sseData(JSON.stringify(chunk)),
  end: SSE_DONE,
  error: (error) => sseError(error.toBody()),
};

/** Frames waiting beyond this many characters are handed on without waiting for the batch to close. */
const MAX_BATCH_CHARS = 64 * 1024;

/**
 * Turns a chunk stream into SSE bytes for Fastify to pipe. Each chunk is framed as soon as it arrives; the
 * frames that arrive within one turn of the event loop (Bedrock often delivers many events in one network
 * read) leave together in one write, at the end of that turn — so nothing waits for a later event, and a
 * burst of twenty deltas costs one socket write instead of twenty. When the socket pushes back, reading
 * upstream pauses. An error after the first byte cannot change the status any more, so it is written as an
 * `error` frame and the stream ends without `[DONE]`. When the client goes away before the end, Fastify
 * destroys this stream, which cancels the upstream call at once (even while it is waiting for Bedrock).
 */
export class SseReadable<T> extends Readable {
  private static readonly logger = new Logger('SSE');
  private readonly chunks: AsyncIterator<T>;
  private pumping = false;
  /** The consumer pushed back; pumping resumes on the next `_read`. */
  private paused = false;
  /** The source is exhausted (or failed) and its last frame is framed. */
  private finished = false;
  private batch = '';
  private flushScheduled = false;

  constructor(
    private readonly source: SseSource<T>,
    private readonly requestId: string,
    private readonly framing: SseFraming<T> = OPENAI_FRAMING,
  ) {
    super();
    this.chunks = source[Symbol.asyncIterator]();
  }

  override _read(): void {
    this.paused = false;
    if (!this.pumping && !this.finished) void this.pump();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    // Destroyed before the source finished: the client left, so Bedrock must stop too.
    if (!this.finished) {
      this.source.cancel();
      void this.chunks.return?.()?.catch(() => undefined);
    }
    callback(err);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.destroyed) return;
    const text = this.batch;
    this.batch = '';
    if (text && !this.push(text)) this.paused = true;
    if (this.finished) this.push(null);
  };

  private enqueue(frame: string): void {
    this.batch += frame;
    if (this.batch.length >= MAX_BATCH_CHARS) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flush);
    }
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (!this.paused) {
        const next = await this.chunks.next();
        if (this.destroyed) return;
        if (next.done) {
          this.finished = true;
          this.enqueue(this.framing.end);
          return;
        }
        this.enqueue(this.framing.frame(next.value));
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
      this.finished = true;
      this.enqueue(this.framing.error(error, this.requestId));
    } finally {
      this.pumping = false;
    }
  }
}
