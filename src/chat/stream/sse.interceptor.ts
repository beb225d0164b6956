import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { SSE_HEADERS } from '../../common/sse/sse-frames';
import { SseReadable } from '../../common/sse/sse-readable';
import type { ChatCompletionChunk } from '../dto/chat-response.types';
import { ChatStream } from './chat-stream';

/**
 * Sends a {@link ChatStream} as server-sent events; anything else passes through as JSON. The handler only
 * returns once Bedrock accepted the stream, so an upstream error before the first byte is still an ordinary
 * HTTP error response.
 */
@Injectable()
export class SseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof ChatStream)) return result;
        const http = context.switchToHttp();
        const request = http.getRequest<FastifyRequest>();
        void http.getResponse<FastifyReply>().headers(SSE_HEADERS);
        return new SseReadable<ChatCompletionChunk>(result, String(request.id));
      }),
    );
  }
}
