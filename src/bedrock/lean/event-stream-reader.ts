import type { Message, ResponseMetadata } from '@smithy/types';
import { EventFrameSplitter } from './event-frames';
import { TruncatedResponseError } from './truncated-response.error';
import type { BodySink, UndiciExchange } from './undici-exchange';

/** Turns one decoded message into an event, `undefined` to skip it, or throws for an exception frame. */
export type EventDecoder<T> = (message: Message, $metadata: ResponseMetadata) => T | undefined;

/** Decoded events waiting beyond this many pause the connection until the consumer catches up. */
const HIGH_WATER = 1_024;

/** Why the upstream request ends when the consumer stops reading. */
class ConsumerStoppedError extends Error {
  override name = 'AbortError';
}

/**
 * The events of one Bedrock event-stream response, decoded as the bytes arrive. It receives the body
 * straight from the HTTP exchange (no Node stream in between) and hands events out through a plain async
 * iterator: events already decoded go out without waiting for the network, and an exception frame is thrown
 * only after the events before it. The body ending inside a frame, or the connection failing, throws
 * {@link TruncatedResponseError}; `return()` (the consumer stopped early) aborts the exchange, which ends the
 * upstream request. Far ahead of its consumer, it pauses the connection.
 */
export class EventStreamReader<T> implements AsyncIterableIterator<T>, BodySink {
  private queue: T[] = [];
  private head = 0;
  private failure: unknown;
  private ended = false;
  private paused = false;
  private wake: (() => void) | undefined;
  private readonly splitter = new EventFrameSplitter();

  constructor(
    private readonly exchange: UndiciExchange,
    private readonly decode: EventDecoder<T>,
    private readonly $metadata: ResponseMetadata,
    private readonly signal: AbortSignal,
  ) {
    exchange.pipeTo(this);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * Waits for the first event. An exception in the very first frame is thrown here, so it surfaces from the
   * call itself (as it does from the SDK's `send()`), before the gateway commits to a stream.
   */
  async start(): Promise<this> {
    while (this.head === this.queue.length && !this.ended && this.failure === undefined) await this.arrival();
    if (this.head === this.queue.length && this.failure !== undefined) this.rethrow();
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    // Events already decoded are handed out without an async function's extra promise and ticks.
    return this.head < this.queue.length ? Promise.resolve(this.take()) : this.read();
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.ended) {
      this.ended = true;
      this.exchange.abort(new ConsumerStoppedError('The consumer stopped reading the event stream.'));
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  // BodySink: bytes from the exchange.
  data(chunk: Buffer): void {
    if (this.ended) return;
    try {
      for (const message of this.splitter.push(chunk)) {
        const event = this.decode(message, this.$metadata);
        if (event !== undefined) this.queue.push(event);
      }
    } catch (err) {
      this.failure = err;
      this.exchange.abort(err instanceof Error ? err : new Error(String(err)));
    }
    if (!this.paused && this.queue.length - this.head > HIGH_WATER) {
      this.paused = true;
      this.exchange.pause();
    }
    this.notify();
  }

  end(): void {
    if (this.splitter.truncated && this.failure === undefined) {
      this.failure = new TruncatedResponseError(
        'The Bedrock event stream ended inside an event.',
        this.$metadata,
      );
    }
    this.ended = true;
    this.notify();
  }

  fail(error: Error): void {
    if (this.failure === undefined && !this.ended) {
      this.failure = this.signal.aborted
        ? this.signal.reason
        : new TruncatedResponseError('The Bedrock event stream was cut off.', this.$metadata, {
            cause: error,
          });
    }
    this.ended = true;
    this.notify();
  }

  private take(): IteratorResult<T> {
    const value = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      if (this.paused) {
        this.paused = false;
        this.exchange.resume();
      }
    }
    return { done: false, value };
  }

  private async read(): Promise<IteratorResult<T>> {
    while (this.head === this.queue.length) {
      if (this.failure !== undefined) this.rethrow();
      if (this.ended) return { done: true, value: undefined };
      await this.arrival();
    }
    return this.take();
  }

  /** Throws the failure once; the stream is over after it. */
  private rethrow(): never {
    const failure = this.failure;
    this.failure = undefined;
    this.ended = true;
    throw failure;
  }

  private arrival(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
