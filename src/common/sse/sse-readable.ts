import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { RequestTelemetry } from '../../metrics/request-telemetry';
import { toApiError } from '../errors/to-api-error';
import { OPENAI_CHAT_FRAMING, SSE_KEEPALIVE, SseFraming } from './sse-frames';

/** A stream of JSON-able chunks that can be told to stop its upstream. */
export interface SseSource<T> extends AsyncIterable<T> {
  cancel(): void;
}

export interface SseOptions<T = unknown> {
  /** While nothing else is sent for this long, a keep-alive frame is sent (0 or absent: never). */
  keepAliveMs?: number;
  /**
   * The keep-alive frame: an SSE comment by default, which every client ignores. A dialect with its own
   * heartbeat event (Anthropic's `event: ping`) passes that instead.
   */
  keepAliveFrame?: string;
  /** Told when the stream opens, writes its first event and ends (open streams, time to first token). */
  telemetry?: RequestTelemetry;
  /** How chunks, the end and a late error are written (chat's `data:` frames and `[DONE]` by default). */
  framing?: SseFraming<T>;
}

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
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private readonly keepAliveFrame: string;
  private readonly telemetry?: RequestTelemetry;
  private readonly framing: SseFraming<T>;

  constructor(
    private readonly source: SseSource<T>,
    private readonly requestId: string,
    options: SseOptions<T> = {},
  ) {
    super();
    this.framing = options.framing ?? OPENAI_CHAT_FRAMING;
    this.chunks = source[Symbol.asyncIterator]();
    this.telemetry = options.telemetry;
    this.telemetry?.streamStarted();
    this.keepAliveFrame = options.keepAliveFrame ?? SSE_KEEPALIVE;
    // Proxies and load balancers close connections idle for a while (60 s on AWS's); a model thinking in
    // silence, or a slow first token, must not look idle to them. The stream idle timeout (the upstream's
    // silence) is separate and still ends a truly stalled stream.
    if (options.keepAliveMs && options.keepAliveMs > 0) {
      this.keepAliveTimer = setTimeout(this.keepAlive, options.keepAliveMs);
    }
  }

  /** Fires only after keepAliveMs without any frame: every frame re-arms it (see enqueue). */
  private readonly keepAlive = (): void => {
    if (this.finished || this.destroyed) return this.stopKeepAlive();
    // A consumer pushing back is not reading anyway; just wait another interval.
    if (this.paused) this.keepAliveTimer?.refresh();
    else this.enqueue(this.keepAliveFrame);
  };

  private stopKeepAlive(): void {
    clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
  }

  override _read(): void {
    this.paused = false;
    if (!this.pumping && !this.finished) void this.pump();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.stopKeepAlive();
    this.telemetry?.streamEnded(performance.now());
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
    if (this.finished) {
      this.stopKeepAlive();
      this.push(null);
    }
  };

  private enqueue(frame: string): void {
    this.keepAliveTimer?.refresh();
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
          this.telemetry?.streamEnded(performance.now());
          this.finished = true;
          this.enqueue(this.framing.end);
          return;
        }
        const t = this.telemetry;
        if (t !== undefined && t.firstEventAt === 0) t.firstEventAt = performance.now();
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
