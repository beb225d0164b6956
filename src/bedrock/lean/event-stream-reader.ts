import type { Message, ResponseMetadata } from '@smithy/types';
import type { Readable } from 'node:stream';
import { EventFrameSplitter } from './event-frames';
import { TruncatedResponseError } from './truncated-response.error';

/** Turns one decoded message into an event, `undefined` to skip it, or throws for an exception frame. */
export type EventDecoder<T> = (message: Message, $metadata: ResponseMetadata) => T | undefined;

/**
 * The events of one Bedrock event-stream response, read as the body arrives. A plain async iterator rather
 * than a generator: events already decoded from one network read are handed out without further reads, and
 * an exception frame is thrown only after the events before it. The body ending inside a frame, or the
 * connection failing, throws {@link TruncatedResponseError}; `return()` (the consumer stopped) destroys the
 * body, which ends the upstream request.
 */
export class EventStreamReader<T> implements AsyncIterableIterator<T> {
  private queue: T[] = [];
  private head = 0;
  private failure: unknown;
  private ended = false;
  private readonly source: AsyncIterator<Uint8Array>;
  private readonly splitter = new EventFrameSplitter();

  constructor(
    private readonly body: Readable,
    private readonly decode: EventDecoder<T>,
    private readonly $metadata: ResponseMetadata,
    private readonly signal: AbortSignal,
  ) {
    this.source = body[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /**
   * Reads until the first event is decoded. An exception in the very first frame is thrown here, so it
   * surfaces from the call itself (as it does from the SDK's `send()`), before the gateway commits to a stream.
   */
  async start(): Promise<this> {
    while (this.head === this.queue.length && !this.ended && this.failure === undefined) await this.fill();
    if (this.head === this.queue.length && this.failure !== undefined) this.fail();
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    // Events already decoded are handed out without an async function's extra promise and ticks.
    return this.head < this.queue.length ? Promise.resolve(this.take()) : this.read();
  }

  private take(): IteratorResult<T> {
    const value = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return { done: false, value };
  }

  private async read(): Promise<IteratorResult<T>> {
    while (this.head === this.queue.length) {
      if (this.failure !== undefined) this.fail();
      if (this.ended) return { done: true, value: undefined };
      await this.fill();
    }
    return this.take();
  }

  return(): Promise<IteratorResult<T>> {
    this.ended = true;
    this.body.destroy();
    return Promise.resolve({ done: true, value: undefined });
  }

  private fail(): never {
    const failure = this.failure;
    this.failure = undefined;
    this.ended = true;
    this.body.destroy();
    throw failure;
  }

  private async fill(): Promise<void> {
    let read: IteratorResult<Uint8Array>;
    try {
      read = await this.source.next();
    } catch (err) {
      this.failure = this.signal.aborted
        ? this.signal.reason
        : new TruncatedResponseError('The Bedrock event stream was cut off.', this.$metadata, { cause: err });
      return;
    }
    if (read.done) {
      if (this.splitter.truncated) {
        this.failure = new TruncatedResponseError(
          'The Bedrock event stream ended inside an event.',
          this.$metadata,
        );
      }
      this.ended = true;
      return;
    }
    try {
      for (const message of this.splitter.push(read.value)) {
        const event = this.decode(message, this.$metadata);
        if (event !== undefined) this.queue.push(event);
      }
    } catch (err) {
      this.failure = err;
    }
  }
}
