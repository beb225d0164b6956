import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { sseResponse } from '../../../common/sse/sse-response';
import { ResponseStream, responsesFraming } from './response-stream';

/**
 * Sends a {@link ResponseStream} as the Responses API's named, numbered events; anything else passes through
 * as JSON. The handler returns only once Bedrock accepted the stream, so an error before the first byte is an
 * ordinary HTTP error in OpenAI's envelope.
 */
@Injectable()
export class ResponsesSseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof ResponseStream)) return result;
        const http = context.switchToHttp();
        return sseResponse(result, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), {
          framing: responsesFraming(),
        });
      }),
    );
  }
}
