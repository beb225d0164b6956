import { request } from 'node:http';
import { TEST_KEY } from './gateway.harness';

export interface SseResponse {
  status: number;
  headers: Headers;
  /** The `data:` payloads in order, `[DONE]` included when sent. */
  frames: string[];
  /** Parsed JSON of every frame except `[DONE]`. */
  json: Record<string, unknown>[];
}

/** Posts a chat request with fetch and reads the raw SSE body, to check framing the client libraries hide. */
export async function postSse(
  baseUrl: string,
  body: unknown,
  init: { signal?: AbortSignal; path?: string } = {},
): Promise<SseResponse> {
  const res = await fetch(`${baseUrl}${init.path ?? '/v1/chat/completions'}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: init.signal,
  });
  const text = await res.text();
  const frames = text
    .split('\n\n')
    .filter((f) => f.startsWith('data: '))
    .map((f) => f.slice('data: '.length));
  return {
    status: res.status,
    headers: res.headers,
    frames,
    json: frames.filter((f) => f !== '[DONE]').map((f) => JSON.parse(f) as Record<string, unknown>),
  };
}

/**
 * Opens a stream over a plain socket and hands back a reader of its frames, for tests that stop part-way.
 * `hangUp()` destroys the socket, as a client that goes away does (fetch's abort may keep undici's socket).
 */
export function openSse(
  baseUrl: string,
  body: unknown,
): Promise<{ status: number; next(): Promise<string | undefined>; hangUp(): void }> {
  const url = new URL('/v1/chat/completions', baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
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
        let buffer = '';
        const waiting: ((frame: string | undefined) => void)[] = [];
        let ended = false;
        const drain = () => {
          for (;;) {
            const end = buffer.indexOf('\n\n');
            if (waiting.length === 0 || (end < 0 && !ended)) return;
            if (end < 0) {
              waiting.shift()!(undefined);
              continue;
            }
            const frame = buffer.slice(0, end).replace(/^data: /, '');
            buffer = buffer.slice(end + 2);
            waiting.shift()!(frame);
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          drain();
        });
        const finish = () => {
          ended = true;
          drain();
        };
        res.on('end', finish);
        res.on('close', finish);
        resolve({
          status: res.statusCode ?? 0,
          next: () =>
            new Promise((r) => {
              waiting.push(r);
              drain();
            }),
          hangUp: () => req.destroy(),
        });
      },
    );
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
    req.end(payload);
  });
}
