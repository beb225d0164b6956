import { PassThrough } from 'node:stream';
import type { Socket } from 'node:net';
import { clientErrorHandler, refusedRequestTarget } from './client-error.handler';

const rewrite = ({ url }: { url: string }) => url.replace(/^\/api\/v1(?=\/|$)/, '/v1');

/** Runs the handler for a parser error over the given bytes and hands back what it wrote. */
function answer(code: string, raw?: string): { status: number; body: Record<string, unknown> } {
  const socket = new PassThrough() as unknown as Socket & PassThrough;
  let written = '';
  socket.end = ((chunk: string) => {
    written = chunk;
    return socket;
  }) as never;
  const err = Object.assign(new Error('parse error'), {
    code,
    rawPacket: raw === undefined ? undefined : Buffer.from(raw, 'latin1'),
  });
  clientErrorHandler(rewrite)(err, socket);
  const [head, body] = written.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) as Record<string, unknown> };
}

describe('refusedRequestTarget', () => {
  it('reads the target and the anthropic-version header from what arrived', () => {
    expect(
      refusedRequestTarget(
        Buffer.from(
          'FOO /v1/models HTTP/1.1\r\nHost: x\r\nAnthropic-Version: 2023-06-01\r\nX-Other: y\r\n\r\n',
        ),
      ),
    ).toEqual({ url: '/v1/models', headers: { 'anthropic-version': '2023-06-01' } });
  });

  it('falls back to / when the bytes hold no request line', () => {
    expect(refusedRequestTarget(undefined)).toEqual({ url: '/', headers: {} });
    expect(refusedRequestTarget(Buffer.from('\u0000\u0001garbage'))).toEqual({ url: '/', headers: {} });
  });
});

describe('clientErrorHandler', () => {
  it("answers in OpenAI's envelope by default", () => {
    const res = answer('HPE_INVALID_METHOD', 'FOO /v1/chat/completions HTTP/1.1\r\n');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: expect.objectContaining({ code: 'invalid_method', type: 'invalid_request_error' }),
    });
  });

  it("answers in Anthropic's envelope on its routes, under API_ROUTE_PREFIX too", () => {
    for (const path of ['/v1/messages', '/api/v1/messages/count_tokens?beta=true']) {
      const res = answer('HPE_HEADER_OVERFLOW', `POST ${path} HTTP/1.1\r\nx-junk: bbbb`);
      expect(res.status).toBe(431);
      expect(res.body).toEqual({
        type: 'error',
        error: { type: 'invalid_request_error', message: expect.stringContaining('headers') },
      });
    }
  });

  it('answers a timed-out request (no bytes kept) in OpenAI’s envelope', () => {
    expect(answer('ERR_HTTP_REQUEST_TIMEOUT')).toMatchObject({
      status: 408,
      body: { error: { code: 'request_timeout' } },
    });
  });
});
