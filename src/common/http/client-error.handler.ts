import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { ApiError } from '../errors/api-error';
import { errorReply } from '../errors/error-reply';

/**
 * Answers requests Node's HTTP parser refuses before Fastify or Nest see them — unknown methods, malformed
 * framing, headers or URLs over the size limit, a request that took too long to arrive — in the error
 * envelope of the route asked for (OpenAI's, or Anthropic's on its routes), instead of Fastify's
 * `{"error":"Bad Request",…}`. The connection is closed afterwards: after a parse error, nothing more on it
 * can be trusted.
 */
export function clientErrorResponse(err: NodeJS.ErrnoException): ApiError {
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError(431, 'The request headers (URL included) are larger than this gateway accepts.', {
        code: 'request_header_too_large',
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ApiError(408, 'The request did not arrive in time.', { code: 'request_timeout' });
    case 'HPE_INVALID_METHOD':
      return new ApiError(400, 'The request method is not one this gateway serves.', {
        code: 'invalid_method',
      });
    default:
      return new ApiError(400, 'The request is not well-formed HTTP.', { code: 'malformed_request' });
  }
}

/** Headers read from a refused request: only the small ones the envelope choice needs. */
const WANTED_HEADERS = new Set(['anthropic-version']);

/**
 * What the parser had received of a refused request (Node hands it over as `rawPacket`): the target of the
 * request line and the headers that decide the envelope. Best effort — the bytes may be cut anywhere.
 */
export function refusedRequestTarget(raw: Buffer | undefined): {
  url: string;
  headers: Record<string, string>;
} {
  const text = raw ? raw.subarray(0, 64 * 1024).toString('latin1') : '';
  const lines = text.split('\r\n');
  const url = /^\S+ (\/\S*)/.exec(lines[0] ?? '')?.[1] ?? '/';
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    if (line === '') break;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && WANTED_HEADERS.has(name)) headers[name] = line.slice(colon + 1).trim();
  }
  return { url, headers };
}

/** Node's `clientError` handler; `rewrite` maps API_ROUTE_PREFIX onto `/v1` as Fastify does for requests. */
export function clientErrorHandler(
  rewrite: (req: { url: string }) => string,
): (err: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Socket) => void {
  return (err, socket) => {
    // A peer that reset the connection, or one already gone, reads nothing.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const target = refusedRequestTarget(Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined);
    const out = errorReply(clientErrorResponse(err), { ...target, url: rewrite(target) });
    const body = JSON.stringify(out.body);
    socket.end(
      `HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? 'Error'}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  };
}
