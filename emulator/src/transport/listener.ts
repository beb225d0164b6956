import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { Exchange } from './exchange.types';
import { H1Exchange } from './h1.exchange';
import { H2Exchange } from './h2.exchange';

/** The HTTP/2 client connection preface (RFC 9113 §3.4); h2c prior-knowledge clients open with it (§0.1). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type ExchangeHandler = (exchange: Exchange) => void;

export interface Listener {
  readonly port: number;
  readonly host: string;
  /** Stops accepting, destroys every open connection (including stalled responses), resolves when closed. */
  close(): Promise<void>;
}

/** Decides the protocol from the first bytes: 'h2', 'http/1.1', or undefined when more bytes are needed. */
export function sniffProtocol(head: Buffer): 'h2' | 'http/1.1' | undefined {
  const n = Math.min(head.length, H2_PREFACE.length);
  if (head.compare(H2_PREFACE, 0, n, 0, n) !== 0) return 'http/1.1';
  return head.length >= H2_PREFACE.length ? 'h2' : undefined;
}

/**
 * One TCP port serving HTTP/2 cleartext with prior knowledge (the runtime SDK's default handler) and
 * HTTP/1.1 keep-alive (control-plane SDK, Secrets Manager/SSM clients, curl, undici pools).
 */
export function listen(port: number, host: string, onExchange: ExchangeHandler): Promise<Listener> {
  const sockets = new Set<net.Socket>();

  const h1 = http.createServer(
    {
      // Stalls and slow streams are deliberate here; only the client decides when to give up.
      requestTimeout: 0,
      headersTimeout: 0,
      keepAliveTimeout: 65_000,
      noDelay: true,
    },
    (req, res) => onExchange(new H1Exchange(req, res)),
  );
  h1.timeout = 0;

  const h2 = http2.createServer({ maxSessionMemory: 64, settings: { maxConcurrentStreams: 1000 } });
  h2.on('stream', (stream, headers) => onExchange(new H2Exchange(stream, headers)));
  h2.on('sessionError', () => undefined);

  const server = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const protocol = sniffProtocol(head);
      if (!protocol) return;
      socket.off('data', onData);
      socket.pause();
      socket.unshift(head);
      if (protocol === 'h2') {
        // The HTTP/2 session drains already-buffered bytes itself on the next tick; resuming here would
        // emit them to nobody.
        h2.emit('connection', socket);
      } else {
        h1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        host,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
