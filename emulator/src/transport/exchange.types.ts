/**
 * One request/response pair, whichever HTTP version carried it. The dispatcher and handlers only see this
 * interface, so HTTP/1.1 and HTTP/2 behave identically above the transport.
 */

export type HttpProtocol = 'http/1.1' | 'h2';

export type OutgoingHeaders = Record<string, string | number>;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

export interface Exchange {
  readonly protocol: HttpProtocol;
  readonly method: string;
  /** Path and query exactly as received (still percent-encoded). */
  readonly rawPath: string;
  /** Lower-cased names; HTTP/2 pseudo-headers are removed except `:authority`. */
  readonly headers: Record<string, string>;
  /** True once the client went away before the response was finished. */
  readonly aborted: boolean;
  /** True once the response head has been sent. */
  readonly headersSent: boolean;

  /** Reads the whole request body; rejects with BodyTooLargeError past `limit` bytes. */
  readBody(limit: number): Promise<Buffer>;
  /** Called once if the client goes away before the response ends (reset, socket closed). */
  onAbort(listener: () => void): void;

  sendHead(status: number, headers: OutgoingHeaders): void;
  /** Returns false when the transport buffer is full; wait for `drained()` before writing more. */
  write(chunk: Buffer): boolean;
  drained(): Promise<void>;
  end(chunk?: Buffer): void;
  /** Destroys the underlying connection without finishing the response (fault injection). */
  drop(): void;
}
