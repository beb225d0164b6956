import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorReply } from '../errors/error-reply';
import { toApiError } from '../errors/to-api-error';

/**
 * The single exit for errors: every failure (ours, Nest's, Fastify's body parsing, Bedrock's) leaves in
 * OpenAI's envelope `{"error":{"message","type","param","code"}}` with the mapped status — or, on the routes
 * of Anthropic's dialect, in Anthropic's `{"type":"error","error":{"type","message"}}` with its statuses.
 */
@Catch()
export class OpenAIExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = toApiError(exception, String(request.id));

    if (error.status >= 500 && error.status !== 499) {
      this.logger.error(
        { msg: 'request failed', requestId: request.id, status: error.status, cause: describe(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    } else {
      this.logger.debug?.({
        msg: 'request rejected',
        requestId: request.id,
        status: error.status,
        error: error.message,
      });
    }
    if (reply.sent) return; // a stream already under way reports its error in-band (see common/sse/sse-readable.ts)
    const out = errorReply(error, request, String(request.id));
    void reply.status(out.status).headers(out.headers).send(out.body);
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
