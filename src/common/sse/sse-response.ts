import type { FastifyReply, FastifyRequest } from 'fastify';
import { SSE_HEADERS } from './sse-frames';
import { OPENAI_FRAMING, SseFraming, SseReadable, SseSource } from './sse-readable';

/**
 * Answers with server-sent events: the SSE headers on the reply and the readable Fastify pipes. Called only
 * once the upstream accepted the stream, so an error before the first byte is still an ordinary HTTP error.
 */
export function sseResponse<T>(
  source: SseSource<T>,
  request: FastifyRequest,
  reply: FastifyReply,
  framing: SseFraming<T> = OPENAI_FRAMING,
): SseReadable<T> {
  void reply.headers(SSE_HEADERS);
  return new SseReadable<T>(source, String(request.id), framing);
}
