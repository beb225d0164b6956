import { Body, Controller, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextFor } from '../common/context/request-context';
import { UsageInterceptor } from '../usage/usage.interceptor';
import { ChatCompletionsService } from '../openai/chat/chat-completions.service';
import type { ChatCompletionRequest } from '../openai/chat/chat-request.types';
import type { ChatCompletion } from '../openai/chat/chat-response.types';
import type { ChatStream } from '../openai/chat/response/chat-stream';
import { SseInterceptor } from '../openai/chat/response/sse.interceptor';
import { ChatRequestPipe } from '../openai/chat/validation/chat-request.pipe';

/** POST /v1/chat/completions (also under API_ROUTE_PREFIX). */
@Controller('chat')
// SSE outermost: it must see the ChatStream only after usage accounting has hooked into it.
@UseInterceptors(SseInterceptor, UsageInterceptor)
export class ChatController {
  constructor(private readonly chat: ChatCompletionsService) {}

  @Post('completions')
  @HttpCode(200)
  create(
    @Body(ChatRequestPipe) body: ChatCompletionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatCompletion | ChatStream> {
    return this.chat.create(body, contextFor(request, reply));
  }
}
