import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AnthropicMessagesRequest } from '../anthropic/anthropic-request.types';
import { ANTHROPIC_FRAMING, ANTHROPIC_PING } from '../anthropic/sse/anthropic-sse';
import { contextFor } from '../common/context/request-context';
import { sseResponse } from '../common/sse/sse-response';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import type { AnthropicJson } from '../inference/anthropic-native';
import { CountTokensRequestPipe, MessagesRequestPipe } from './messages-request.pipe';
import { MessagesStream } from './messages-stream';
import { MessagesService } from './messages.service';

/**
 * Anthropic's Messages API: POST /v1/messages and /v1/messages/count_tokens (also under API_ROUTE_PREFIX;
 * the query string, such as Claude Code's `?beta=true`, is ignored). Errors leave in Anthropic's envelope
 * (common/filters, anthropic/anthropic-route.ts).
 */
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(200)
  async create(
    @Body(MessagesRequestPipe) body: AnthropicMessagesRequest,
    @Headers('anthropic-beta') betas: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const result = await this.messages.create(body, betas, contextFor(request, reply));
    return result instanceof MessagesStream
      ? sseResponse<AnthropicJson>(result, request, reply, {
          framing: ANTHROPIC_FRAMING,
          // Anthropic's own heartbeat while Bedrock is silent, so proxies keep the stream open.
          keepAliveMs: this.config.sseKeepAliveMs,
          keepAliveFrame: ANTHROPIC_PING,
        })
      : result;
  }

  @Post('count_tokens')
  @HttpCode(200)
  countTokens(
    @Body(CountTokensRequestPipe) body: AnthropicMessagesRequest,
    @Headers('anthropic-beta') betas: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ input_tokens: number }> {
    return this.messages.countTokens(body, betas, contextFor(request, reply));
  }
}
