import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { sseResponse } from '../../../common/sse/sse-response';
import { ChatStream } from './chat-stream';

/**
 * Sends a {@link ChatStream} as server-sent events; anything else passes through as JSON. The handler returns
 * only once Bedrock accepted the stream, so an upstream error before the first byte is still an ordinary HTTP
 * error response, and after it the stream reports errors in-band.
 */
@Injectable()
export class SseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof ChatStream)) return result;
        const http = context.switchToHttp();
        return sseResponse(result, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
      }),
    );
  }
}
