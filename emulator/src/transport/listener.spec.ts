import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { BodyTooLargeError, type Exchange } from './exchange.types';
import { listen, sniffProtocol, type Listener } from './listener';

const PREFACE = 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n';

describe('sniffProtocol', () => {
  it('needs the whole preface before choosing HTTP/2', () => {
    expect(sniffProtocol(Buffer.from('PRI * HTTP/2'))).toBeUndefined();
    expect(sniffProtocol(Buffer.from(PREFACE))).toBe('h2');
  });

  it('chooses HTTP/1.1 as soon as a byte differs', () => {
    expect(sniffProtocol(Buffer.from('P'))).toBeUndefined();
    expect(sniffProtocol(Buffer.from('PO'))).toBe('http/1.1');
    expect(sniffProtocol(Buffer.from('GET / HTTP/1.1'))).toBe('http/1.1');
  });
});

describe('listen', () => {
  let listener: Listener;
  let handler: (exchange: Exchange) => void;

  beforeEach(async () => {
    handler = (exchange) => {
      void exchange.readBody(1024).then(
        (body) => {
          exchange.sendHead(200, { 'content-type': 'text/plain' });
          exchange.end(
            Buffer.from(`${exchange.protocol} ${exchange.method} ${exchange.rawPath} ${body.length}`),
          );
        },
        (error: unknown) => {
          exchange.sendHead(error instanceof BodyTooLargeError ? 413 : 500, {});
          exchange.end();
        },
      );
    };
    listener = await listen(0, '127.0.0.1', (exchange) => handler(exchange));
  });

  afterEach(() => listener.close());

  function h1Request(
    agent: http.Agent,
    path: string,
    body = '',
  ): Promise<{ status: number; text: string; reused: boolean }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: listener.port, path, method: 'POST', agent },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, reused: req.reusedSocket }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  function h2Request(session: http2.ClientHttp2Session, path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const stream = session.request({ ':method': 'POST', ':path': path });
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
      stream.on('end', () => resolve(text));
      stream.on('error', reject);
      stream.end('xy');
    });
  }

  /** Writes raw bytes in pieces and resolves with the first bytes the server sends back. */
  function rawExchange(pieces: string[]): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(listener.port, '127.0.0.1');
      socket.setNoDelay(true);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data);
      });
      socket.on('error', reject);
      let i = 0;
      const next = (): void => {
        if (i < pieces.length) socket.write(pieces[i++], () => setTimeout(next, 15));
      };
      socket.once('connect', next);
    });
  }

  it('serves HTTP/1.1 with keep-alive on the shared port', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await h1Request(agent, '/a%3Ab?x=1', 'hello');
    const second = await h1Request(agent, '/again');
    agent.destroy();
    expect(first).toEqual({ status: 200, text: 'http/1.1 POST /a%3Ab?x=1 5', reused: false });
    expect(second.reused).toBe(true);
  });

  it('multiplexes many HTTP/2 streams over one session', async () => {
    const session = http2.connect(`http://127.0.0.1:${listener.port}`);
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => h2Request(session, `/s/${i}`)));
    session.close();
    expect(replies).toEqual(Array.from({ length: 40 }, (_, i) => `h2 POST /s/${i} 2`));
  });

  it('copes with many concurrent connections of both kinds', async () => {
    const h1 = Array.from({ length: 30 }, (_, i) =>
      h1Request(new http.Agent(), `/c/${i}`).then((r) => r.text),
    );
    const sessions = Array.from({ length: 30 }, () => http2.connect(`http://127.0.0.1:${listener.port}`));
    const h2 = sessions.map((s, i) => h2Request(s, `/d/${i}`));
    const all = await Promise.all([...h1, ...h2]);
    sessions.forEach((s) => s.close());
    expect(all.filter((t) => t.startsWith('http/1.1'))).toHaveLength(30);
    expect(all.filter((t) => t.startsWith('h2'))).toHaveLength(30);
  });

  it('recognises an HTTP/2 preface that arrives in pieces', async () => {
    // A SETTINGS frame (type 4) must come back once the split preface is complete.
    const reply = await rawExchange([
      PREFACE.slice(0, 5),
      PREFACE.slice(5, 17),
      PREFACE.slice(17),
      '\x00\x00\x00\x04\x00\x00\x00\x00\x00',
    ]);
    expect(reply[3]).toBe(4);
  });

  it('recognises HTTP/1.1 that starts with a lone P', async () => {
    const reply = await rawExchange(['P', 'OST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n']);
    expect(reply.toString('latin1')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('rejects bodies over the limit', async () => {
    const big = 'x'.repeat(5000);
    await expect(h1Request(new http.Agent(), '/big', big)).resolves.toMatchObject({ status: 413 });
  });

  it('tells the handler when an HTTP/1.1 client goes away', async () => {
    const aborted = new Promise<boolean>((resolve) => {
      handler = (exchange) => exchange.onAbort(() => resolve(exchange.aborted));
    });
    const req = http.request({ host: '127.0.0.1', port: listener.port, path: '/', method: 'POST' });
    req.on('error', () => undefined);
    req.end('x', () => setTimeout(() => req.destroy(), 20));
    await expect(aborted).resolves.toBe(true);
  });

  it('tells the handler when an HTTP/2 client resets its stream', async () => {
    const aborted = new Promise<boolean>((resolve) => {
      handler = (exchange) => exchange.onAbort(() => resolve(exchange.aborted));
    });
    const session = http2.connect(`http://127.0.0.1:${listener.port}`);
    const stream = session.request({ ':method': 'POST', ':path': '/' });
    stream.on('error', () => undefined);
    stream.end('x', () => setTimeout(() => stream.close(http2.constants.NGHTTP2_CANCEL), 20));
    await expect(aborted).resolves.toBe(true);
    session.close();
  });

  it('closes promptly even with a response that never ends', async () => {
    handler = () => undefined;
    const session = http2.connect(`http://127.0.0.1:${listener.port}`);
    session.on('error', () => undefined);
    const stream = session.request({ ':method': 'GET', ':path': '/stalled' });
    stream.on('error', () => undefined);
    const h1Closed = new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: listener.port, path: '/stalled' });
      req.on('error', () => resolve());
      req.end();
    });
    const streamClosed = new Promise<void>((resolve) => stream.on('close', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await listener.close();
    await Promise.all([h1Closed, streamClosed]);
  });
});
