import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { ApiError } from '../errors/api-error';

/**
 * Answers requests Node's HTTP parser refuses before Fastify or Nest see them — unknown methods, malformed
 * framing, headers or URLs over the size limit, a request that took too long to arrive — in OpenAI's error
 * envelope, instead of Fastify's `{"error":"Bad Request",…}`. The connection is closed afterwards: after a
 * parse error, nothing more on it can be trusted.
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

export function handleClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  // A peer that reset the connection, or one already gone, reads nothing.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const error = clientErrorResponse(err);
  const body = JSON.stringify(error.toBody());
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
