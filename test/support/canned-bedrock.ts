import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Written as given; an array is written piece by piece, one event-loop turn apart. */
  body?: string | Buffer | Buffer[];
  /** Destroy the connection after writing the body instead of ending the response. */
  cut?: boolean;
  /** Destroy the connection without answering at all. */
  reset?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A local HTTP/1.1 server that answers every request with the next queued response (the last one repeats) and
 * records what it received: the same bytes go to the stock SDK client and to the lean transport, so their
 * requests and results can be compared.
 */
export class CannedBedrock {
  readonly requests: RecordedRequest[] = [];
  private queue: CannedResponse[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CannedBedrock> {
    let self: CannedBedrock | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        self!.requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        const canned =
          self!.queue.length > 1 ? self!.queue.shift()! : (self!.queue[0] ?? { status: 200, body: '{}' });
        if (canned.reset) {
          req.socket.destroy();
          return;
        }
        res.writeHead(canned.status ?? 200, { 'x-amzn-requestid': 'req-1', ...canned.headers });
        const pieces = Array.isArray(canned.body) ? canned.body : [canned.body ?? ''];
        const write = (i: number): void => {
          if (i === pieces.length) {
            if (canned.cut) res.socket?.destroy();
            else res.end();
            return;
          }
          res.write(pieces[i]);
          setImmediate(() => write(i + 1));
        };
        write(0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new CannedBedrock(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return self;
  }

  /** Replaces the queue; the last response keeps answering once the others are used. */
  respond(...responses: CannedResponse[]): void {
    this.queue = responses;
    this.requests.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Splits a buffer into pieces of `size` bytes (frames then straddle reads). */
export const slices = (bytes: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};
