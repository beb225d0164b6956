import { Injectable } from '@nestjs/common';
import { AnthropicModelNames } from '../anthropic/model-names/anthropic-model-names';
import { inlineRemoteImages } from '../anthropic/media/inline-remote-images';
import { foldSystemMessages } from '../anthropic/request/fold-system-messages';
import type { AnthropicMessagesRequest } from '../anthropic/anthropic-request.types';
import type { RequestContext } from '../common/context/request-context';
import { ApiError } from '../common/errors/api-error';
import {
  AnthropicJson,
  AnthropicNativeCall,
  AnthropicNativeRelay,
  AnthropicUsage,
} from '../inference/anthropic-native';
import { MediaService } from '../media/media.service';
import { UsageRecorder } from '../usage/usage.recorder';
import { MessagesStream } from './messages-stream';

/** `anthropic-beta: a,b` (possibly repeated) → `['a', 'b']`. */
export function betasOf(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values
    .flatMap((v) => v.split(','))
    .map((b) => b.trim())
    .filter(Boolean);
}

/**
 * Serves Anthropic's Messages API: maps the model name, fetches images given by URL, and hands the request to
 * the family's native Anthropic relay (Claude) — or, for other families, to the shared translation through
 * Converse. Records usage like chat completions.
 */
@Injectable()
export class MessagesService {
  constructor(
    private readonly names: AnthropicModelNames,
    private readonly relay: AnthropicNativeRelay,
    private readonly media: MediaService,
    private readonly usage: UsageRecorder,
  ) {}

  async create(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<AnthropicJson | MessagesStream> {
    const call = await this.prepare(req, betaHeader, ctx);
    if (!req.stream) {
      const message = await this.relay.complete(call, ctx);
      this.record(req.model, ctx, false, message.usage as AnthropicUsage | undefined, undefined);
      return message;
    }
    const events = await this.relay.stream(call, ctx);
    return new MessagesStream(events, ({ usage, error }) => this.record(req.model, ctx, true, usage, error));
  }

  async countTokens(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<{ input_tokens: number }> {
    const call = await this.prepare(req, betaHeader, ctx);
    return { input_tokens: await this.relay.countTokens(call, ctx) };
  }

  private async prepare(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<AnthropicNativeCall> {
    const model = this.names.toBedrock(req.model);
    if (!(await this.relay.handles(model))) {
      throw new ApiError(
        400,
        `The model '${req.model}' is not a Claude model; /v1/messages serves Claude models.`,
        {
          param: 'model',
          code: 'unsupported_model',
        },
      );
    }
    foldSystemMessages(req);
    await inlineRemoteImages(req.messages as unknown as AnthropicJson[], this.media, ctx.signal);
    return { body: req, model, requestedModel: req.model, betas: betasOf(betaHeader) };
  }

  private record(
    model: string,
    ctx: RequestContext,
    stream: boolean,
    usage: AnthropicUsage | undefined,
    error: unknown,
  ): void {
    const read = usage?.cache_read_input_tokens ?? 0;
    const write = usage?.cache_creation_input_tokens ?? 0;
    this.usage.record({
      requestId: ctx.requestId,
      key: ctx.keyName,
      endpoint: 'messages',
      model,
      modelId: ctx.modelId,
      stream,
      outcome: error ? 'error' : 'ok',
      // As for chat: prompt tokens include what was read from or written to the prompt cache.
      promptTokens: (usage?.input_tokens ?? 0) + read + write,
      completionTokens: usage?.output_tokens ?? 0,
      cachedTokens: read,
      cacheWriteTokens: write,
      durationMs: Math.round(performance.now() - ctx.startedAt),
    });
  }
}
