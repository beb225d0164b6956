import { Body, Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextFor } from '../common/context/request-context';
import type { ChatStream } from '../openai/chat/response/chat-stream';
import { SseInterceptor } from '../openai/chat/response/sse.interceptor';
import { CompletionRequestPipe } from '../openai/completions/completion-request.pipe';
import type { Completion, CompletionRequest } from '../openai/completions/completion.types';
import { CompletionsService } from '../openai/completions/completions.service';
import { UsageInterceptor } from '../usage/usage.interceptor';

/** POST /v1/completions (OpenAI's legacy completions; also under API_ROUTE_PREFIX). */
@Controller('completions')
// SSE outermost: it must see the stream only after usage accounting has hooked into it.
@UseInterceptors(SseInterceptor, UsageInterceptor)
export class CompletionsController {
  constructor(private readonly completions: CompletionsService) {}

  @Post()
  @HttpCode(200)
  create(
    @Body(CompletionRequestPipe) body: CompletionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Completion | ChatStream<Completion>> {
    return this.completions.create(body, contextFor(request, reply));
  }
}
