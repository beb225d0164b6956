import type { IncomingMessage, ServerResponse } from 'node:http';
import { drainedOrClosed, readBody } from './body.reader';
import type { Exchange, OutgoingHeaders } from './exchange.types';

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.headers;
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class H1Exchange implements Exchange {
  readonly protocol = 'http/1.1' as const;
  readonly method: string;
  readonly rawPath: string;
  readonly headers: Record<string, string>;
  private abortListener: (() => void) | undefined;
  private isAborted = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.method = req.method ?? 'GET';
    this.rawPath = req.url ?? '/';
    this.headers = flattenHeaders(req);
    res.once('close', () => {
      if (res.writableFinished) return;
      this.isAborted = true;
      this.abortListener?.();
    });
  }

  get aborted(): boolean {
    return this.isAborted;
  }

  get headersSent(): boolean {
    return this.res.headersSent;
  }

  readBody(limit: number): Promise<Buffer> {
    const declared = this.req.headers['content-length'];
    return readBody(this.req, limit, declared === undefined ? undefined : Number(declared));
  }

  onAbort(listener: () => void): void {
    this.abortListener = listener;
  }

  sendHead(status: number, headers: OutgoingHeaders): void {
    this.res.writeHead(status, headers);
  }

  write(chunk: Buffer): boolean {
    return this.res.write(chunk);
  }

  drained(): Promise<void> {
    return drainedOrClosed(this.res);
  }

  end(chunk?: Buffer): void {
    if (chunk) this.res.end(chunk);
    else this.res.end();
  }

  drop(): void {
    // Flush what was already written, then cut the connection without finishing the response: the client
    // sees a body shorter than announced (or an unterminated chunked body).
    const socket = this.req.socket;
    socket.end(() => socket.destroy());
  }
}
