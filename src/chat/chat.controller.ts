import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextFor } from '../common/context/request-context';
import { sseResponse } from '../common/sse/sse-response';
import type { SseReadable } from '../common/sse/sse-readable';
import { UsageTracker } from '../usage/usage.tracker';
import { ChatService } from './chat.service';
import type { ChatCompletionRequest } from './dto/chat-request.types';
import type { ChatCompletion, ChatCompletionChunk } from './dto/chat-response.types';
import { ChatStream } from './stream/chat-stream';
import { ChatRequestPipe } from './validation/chat-request.pipe';

/**
 * POST /v1/chat/completions (also under API_ROUTE_PREFIX). Usage accounting and SSE are plain calls rather
 * than interceptors: on this route the two interceptors were the largest cost in Nest's request path
 * (docs/performance.md).
 */
@Controller('chat')
export class ChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly usage: UsageTracker,
  ) {}

  @Post('completions')
  @HttpCode(200)
  async create(
    @Body(ChatRequestPipe) body: ChatCompletionRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChatCompletion | SseReadable<ChatCompletionChunk>> {
    const result = await this.chat.create(body, contextFor(request, reply));
    // Usage hooks into the stream before its first chunk is read.
    this.usage.track(request, result);
    return result instanceof ChatStream ? sseResponse(result, request, reply) : result;
  }
}
