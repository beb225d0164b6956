import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

/** Where a response body goes as it arrives. */
export interface BodySink {
  data(chunk: Buffer): void;
  end(): void;
  fail(error: Error): void;
}

export interface ExchangeHead {
  statusCode: number;
  headers: IncomingHttpHeaders;
}

/**
 * One request on undici's low-level dispatch API: the response head as a promise, the body handed straight
 * to a {@link BodySink} (a JSON collector or the event-stream reader) with no Node stream in between —
 * `request()` would wrap every body in a Readable, which measured as a good part of the client's cost per
 * call. The call's AbortSignal aborts the exchange at any point, which ends the upstream request.
 */
export class UndiciExchange implements Dispatcher.DispatchHandler {
  readonly head: Promise<ExchangeHead>;
  private resolveHead!: (head: ExchangeHead) => void;
  private rejectHead!: (error: Error) => void;
  private controller: Dispatcher.DispatchController | undefined;
  private sink: BodySink | undefined;
  private early: Buffer[] = [];
  private finished = false;
  private failure: Error | undefined;
  private readonly onAbort = (): void => this.abort(this.signal.reason as Error);

  constructor(private readonly signal: AbortSignal) {
    this.head = new Promise((resolve, reject) => {
      this.resolveHead = resolve;
      this.rejectHead = reject;
    });
    // A head nobody awaits any more (the caller already gave up) must not become an unhandled rejection.
    this.head.catch(() => undefined);
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.signal.aborted) controller.abort(this.signal.reason as Error);
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode >= 200) this.resolveHead({ statusCode, headers });
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.sink) this.sink.data(chunk);
    else this.early.push(chunk);
  }

  onResponseEnd(): void {
    this.release();
    this.finished = true;
    this.sink?.end();
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.release();
    this.failure = error;
    this.rejectHead(error);
    this.sink?.fail(error);
  }

  /** Sends the body to `sink` from now on; what already arrived is handed over first. */
  pipeTo(sink: BodySink): void {
    this.sink = sink;
    const early = this.early;
    this.early = [];
    for (const chunk of early) sink.data(chunk);
    if (this.failure) sink.fail(this.failure);
    else if (this.finished) sink.end();
  }

  pause(): void {
    this.controller?.pause();
  }

  resume(): void {
    this.controller?.resume();
  }

  /** Ends the exchange (and so the upstream request) unless it is already over. */
  abort(reason: Error): void {
    if (this.finished || this.failure) return;
    this.controller?.abort(reason);
  }

  private release(): void {
    this.signal.removeEventListener('abort', this.onAbort);
  }
}

/** Collects a whole body. */
export function collectBody(exchange: UndiciExchange): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    exchange.pipeTo({
      data: (chunk) => chunks.push(chunk),
      end: () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
      fail: reject,
    });
  });
}
