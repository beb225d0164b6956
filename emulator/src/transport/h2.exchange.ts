import { constants, type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { drainedOrClosed, readBody } from './body.reader';
import type { Exchange, OutgoingHeaders } from './exchange.types';

function flattenHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in raw) {
    // Pseudo-headers are routing data, not request headers; `:authority` stays because SigV4 signs it (§1.3).
    if (name.charCodeAt(0) === 58 /* ':' */ && name !== ':authority') continue;
    const value = raw[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class H2Exchange implements Exchange {
  readonly protocol = 'h2' as const;
  readonly method: string;
  readonly rawPath: string;
  readonly headers: Record<string, string>;
  private abortListener: (() => void) | undefined;
  private isAborted = false;
  private ended = false;

  constructor(
    private readonly stream: ServerHttp2Stream,
    raw: IncomingHttpHeaders,
  ) {
    this.method = String(raw[constants.HTTP2_HEADER_METHOD] ?? 'GET');
    this.rawPath = String(raw[constants.HTTP2_HEADER_PATH] ?? '/');
    this.headers = flattenHeaders(raw);
    // An unhandled 'error' (e.g. the client reset the stream) would crash the process.
    stream.on('error', () => undefined);
    stream.once('close', () => {
      if (this.ended && stream.rstCode === constants.NGHTTP2_NO_ERROR) return;
      this.isAborted = true;
      this.abortListener?.();
    });
  }

  get aborted(): boolean {
    return this.isAborted;
  }

  get headersSent(): boolean {
    return this.stream.headersSent;
  }

  readBody(limit: number): Promise<Buffer> {
    const declared = this.headers['content-length'];
    return readBody(this.stream, limit, declared === undefined ? undefined : Number(declared));
  }

  onAbort(listener: () => void): void {
    this.abortListener = listener;
  }

  sendHead(status: number, headers: OutgoingHeaders): void {
    if (this.stream.destroyed) return;
    this.stream.respond({ ...headers, [constants.HTTP2_HEADER_STATUS]: status });
  }

  write(chunk: Buffer): boolean {
    if (this.stream.destroyed) return true;
    return this.stream.write(chunk);
  }

  drained(): Promise<void> {
    return drainedOrClosed(this.stream);
  }

  end(chunk?: Buffer): void {
    this.ended = true;
    if (this.stream.destroyed) return;
    if (chunk) this.stream.end(chunk);
    else this.stream.end();
  }

  drop(): void {
    // The reset is queued behind the DATA frames already written, so the client gets exactly what was sent
    // before the failure; then the whole connection goes, as in a real network failure.
    const session = this.stream.session;
    if (this.stream.destroyed) return void session?.destroy();
    this.stream.close(constants.NGHTTP2_INTERNAL_ERROR, () => session?.destroy());
  }
}
