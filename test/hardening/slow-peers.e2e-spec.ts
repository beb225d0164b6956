import { connect } from 'node:net';
import { request } from 'node:http';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { CHAT_MODEL } from '../support/routes-under-test';

/**
 * Slow and silent peers: a Bedrock that goes quiet mid-stream (keep-alives keep proxies from cutting the
 * stream; the idle timeout still ends a real stall), a client that dribbles its headers (dropped), and one
 * that uploads slowly but steadily (served). Intervals are shortened by configuration so this takes seconds.
 */
const KEEPALIVE_MS = 100;
const SILENCE_MS = 450; // Bedrock's silence between events: several keep-alive intervals
const IDLE_TIMEOUT_MS = 1_200;
const HEADERS_TIMEOUT_MS = 400;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    SSE_KEEPALIVE_MS: String(KEEPALIVE_MS),
    STREAM_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    BEDROCK_MAX_ATTEMPTS: '1',
  });
});
afterAll(() => gw.close());
afterEach(() => {
  gw.emulator.faults.clear();
  gw.emulator.config.chunkDelayMs = 0;
});

/** Streams a chat completion and keeps the raw text with the time each piece arrived. */
function rawStream(
  body: object,
): Promise<{ status: number; pieces: { at: number; text: string }[]; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = request(
      `${gw.url}/v1/chat/completions`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${TEST_KEY}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const pieces: { at: number; text: string }[] = [];
        res.setEncoding('utf8');
        res.on('data', (text: string) => pieces.push({ at: Date.now() - started, text }));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, pieces, text: pieces.map((p) => p.text).join('') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const chat = { model: CHAT_MODEL, messages: [{ role: 'user', content: 'hi' }], stream: true };

describe('SSE keep-alives while Bedrock is silent', () => {
  it('holds a stream open through silences several keep-alive intervals long, with keep-alives arriving', async () => {
    gw.emulator.config.chunkDelayMs = SILENCE_MS;
    const res = await rawStream(chat);
    expect(res.status).toBe(200);
    expect(res.text.endsWith('data: [DONE]\n\n')).toBe(true);
    const data = res.text.split('\n\n').filter((f) => f.startsWith('data: {'));
    expect(data.length).toBeGreaterThan(2);
    // Every silence between two data frames was filled with keep-alives (several per silence).
    const frames = res.text.split('\n\n').filter(Boolean);
    const runs = frames
      .join('\n')
      .split(/^data: .*$/m)
      .slice(1, -1)
      .map((between) => between.match(/: keep-alive/g)?.length ?? 0);
    expect(runs.length).toBeGreaterThan(2);
    for (const count of runs.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(2);
  });

  it('is invisible to the official client, which ignores SSE comments', async () => {
    gw.emulator.config.chunkDelayMs = 2 * KEEPALIVE_MS + 50;
    const stream = await gw.openai.chat.completions.create({ ...chat, stream: true } as never);
    let text = '';
    for await (const chunk of stream as unknown as AsyncIterable<{
      choices: { delta: { content?: string } }[];
    }>) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('You said: hi');
  });

  it('still ends a stream Bedrock stalls on with an error frame after the idle timeout, keep-alives until then', async () => {
    gw.emulator.faults.add({ kind: 'stall', afterEvents: 2, match: { operation: 'ConverseStream' } });
    const res = await rawStream(chat);
    expect(res.status).toBe(200);
    const frames = res.text.split('\n\n').filter(Boolean);
    const last = frames[frames.length - 1];
    expect(last).toMatch(/^data: \{"error":/);
    expect(JSON.parse(last.slice(6))).toMatchObject({ error: { code: 'upstream_idle_timeout' } });
    expect(res.text).not.toContain('[DONE]');
    expect(frames.filter((f) => f === ': keep-alive').length).toBeGreaterThanOrEqual(
      IDLE_TIMEOUT_MS / KEEPALIVE_MS / 2,
    );
  });
});

describe('slow clients', () => {
  it('drops a slowloris client that dribbles its headers, with a 408 in the envelope', async () => {
    const { port } = new URL(gw.url);
    const socket = connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (b) => received.push(b));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    const started = Date.now();
    socket.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\n`);
    const header = `x-slow: ${'a'.repeat(200)}`;
    let i = 0;
    const drip = setInterval(() => {
      if (socket.destroyed || i >= header.length) return;
      socket.write(header[i++]);
    }, 50);
    const closedAt = await closed;
    clearInterval(drip);
    // Closed by the headers timeout (checked on a tick of a quarter of it), long before the header was done.
    expect(closedAt - started).toBeLessThan(HEADERS_TIMEOUT_MS * 4);
    expect(i).toBeLessThan(header.length);
    const response = Buffer.concat(received).toString();
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'request_timeout', type: 'invalid_request_error' },
    });
  });

  it('serves a slow but honest upload: headers at once, then the body over several header timeouts', async () => {
    const body = Buffer.from(
      JSON.stringify({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'hi' }] }),
    );
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${gw.url}/v1/chat/completions`,
        {
          method: 'POST',
          agent: false,
          headers: {
            authorization: `Bearer ${TEST_KEY}`,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (r) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (t: string) => (text += t));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      const pieces = 8;
      const size = Math.ceil(body.length / pieces);
      let sent = 0;
      const timer = setInterval(
        () => {
          req.write(body.subarray(sent * size, (sent + 1) * size));
          if (++sent === pieces) {
            clearInterval(timer);
            req.end();
          }
        },
        (HEADERS_TIMEOUT_MS * 3) / pieces,
      );
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ choices: [{ message: { content: 'You said: hi' } }] });
  });
});
