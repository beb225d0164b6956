import { randomUUID } from 'node:crypto';
import type { ErrorResponse } from '../errors/aws-error';
import type { LogRecord } from '../log/request-log';
import type { Exchange, OutgoingHeaders } from '../transport/exchange.types';
import { untilAborted } from './sleep';

/**
 * Writes one response and records what happened to it in the request log: status, error type, frames
 * written and the outcome. Every response carries `x-amzn-RequestId` (docs/bedrock-protocol.md §1.4, §6).
 */
export class Responder {
  readonly requestId = randomUUID();
  /** Created only when something waits (latency, pacing, stall): most requests never need one. */
  private controller: AbortController | undefined;

  constructor(
    private readonly exchange: Exchange,
    readonly record: LogRecord,
    /** When set, every byte goes out in slices of this size (slice fault). */
    public sliceBytes: number | undefined = undefined,
  ) {
    exchange.onAbort(() => {
      record.finish('aborted');
      this.controller?.abort();
    });
  }

  /** Aborts when the client goes away (or the emulator closes its connection). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.exchange.aborted) this.controller.abort();
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.exchange.aborted;
  }

  head(status: number, headers: OutgoingHeaders): void {
    this.record.status = status;
    headers['x-amzn-RequestId'] = this.requestId;
    this.exchange.sendHead(status, headers);
  }

  /** Writes bytes (sliced when asked), honouring backpressure. */
  async write(bytes: Buffer): Promise<void> {
    const slice = this.sliceBytes;
    if (slice === undefined || bytes.length <= slice) {
      if (!this.exchange.write(bytes)) await this.exchange.drained();
      return;
    }
    for (let offset = 0; offset < bytes.length && !this.exchange.aborted; offset += slice) {
      if (!this.exchange.write(bytes.subarray(offset, offset + slice))) await this.exchange.drained();
      // Yield so each slice leaves as its own chunk/DATA frame instead of being coalesced.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** A complete response with a known body. */
  async send(status: number, headers: OutgoingHeaders, body: Buffer): Promise<void> {
    headers['content-length'] = body.length;
    this.head(status, headers);
    if (this.sliceBytes === undefined) this.exchange.end(body);
    else {
      await this.write(body);
      this.exchange.end();
    }
    this.record.finish(status >= 400 ? 'error' : 'completed');
  }

  sendError(error: ErrorResponse): Promise<void> {
    this.record.errorType = error.type;
    return this.send(error.status, { ...error.headers }, error.body);
  }

  /** Ends a response whose head and body were written piecemeal (streams). */
  end(outcome: 'completed' | 'error'): void {
    this.exchange.end();
    this.record.finish(outcome);
  }

  /** Destroys the connection mid-response (drop fault). */
  drop(): void {
    this.record.finish('dropped');
    this.exchange.drop();
  }

  /** Sends nothing more until the client goes away or the emulator closes (stall fault). */
  stall(): Promise<void> {
    return untilAborted(this.signal);
  }
}
