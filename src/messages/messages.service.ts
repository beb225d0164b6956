import { telemetryOf } from '../metrics/request-telemetry';
import { Injectable } from '@nestjs/common';
import { AnthropicModelNames } from '../anthropic/model-names/anthropic-model-names';
import { inlineRemoteImages } from '../anthropic/media/inline-remote-images';
import { foldSystemMessages } from '../anthropic/request/fold-system-messages';
import { ConverseAnthropicStream } from '../anthropic/converse/converse-events';
import { toAnthropicMessage } from '../anthropic/converse/to-anthropic-message';
import { toInferenceRequest } from '../anthropic/converse/to-inference-request';
import type { AnthropicMessagesRequest } from '../anthropic/anthropic-request.types';
import type { RequestContext } from '../common/context/request-context';
import { ApiError } from '../common/errors/api-error';
import { Inference } from '../inference/inference';
import type { ClientFieldNames, InferenceRequest } from '../inference/inference-request';
import {
  AnthropicEventStream,
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

const ANTHROPIC_FIELD_NAMES: ClientFieldNames = {
  maxTokens: 'max_tokens',
  temperature: 'temperature',
  tools: 'tools',
  toolChoice: 'tool_choice',
  reasoning: 'thinking',
  messages: 'messages',
};

interface Call extends AnthropicNativeCall {
  /** The model's family takes Anthropic's body natively (Claude): the relay serves it. */
  native: boolean;
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
    private readonly inference: Inference,
    private readonly media: MediaService,
    private readonly usage: UsageRecorder,
  ) {}

  async create(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<AnthropicJson | MessagesStream> {
    const call = await this.prepare(req, betaHeader, ctx);
    let message: AnthropicJson;
    if (!req.stream) {
      message = call.native
        ? await this.relay.complete(call, ctx)
        : toAnthropicMessage(await this.inference.complete(this.internal(call), ctx), req.model);
      this.record(req.model, ctx, false, message.usage as AnthropicUsage | undefined, undefined);
      return message;
    }
    const events: AnthropicEventStream = call.native
      ? await this.relay.stream(call, ctx)
      : new ConverseAnthropicStream(await this.inference.stream(this.internal(call), ctx), req.model);
    return new MessagesStream(events, ({ usage, error }) => this.record(req.model, ctx, true, usage, error));
  }

  /**
   * Bedrock's CountTokens counts for Claude models (the documented use; other families' prompts are not
   * counted by it), so only Claude models are counted; other models get a 400 saying so rather than a guess.
   */
  async countTokens(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<{ input_tokens: number }> {
    const call = await this.prepare(req, betaHeader, ctx);
    if (!call.native) {
      throw new ApiError(
        400,
        `Token counting is available for Claude models only; '${req.model}' is not one.`,
        {
          param: 'model',
          code: 'unsupported_model',
        },
      );
    }
    return { input_tokens: await this.relay.countTokens(call, ctx) };
  }

  private async prepare(
    req: AnthropicMessagesRequest,
    betaHeader: string | string[] | undefined,
    ctx: RequestContext,
  ): Promise<Call> {
    const model = this.names.toBedrock(req.model);
    const native = await this.relay.handles(model);
    foldSystemMessages(req);
    await inlineRemoteImages(req.messages as unknown as AnthropicJson[], this.media, ctx.signal);
    return { body: req, model, requestedModel: req.model, betas: betasOf(betaHeader), native };
  }

  /** The request for the shared translation (Converse), its 400s naming Anthropic's fields. */
  private internal(call: Call): InferenceRequest {
    const internal = toInferenceRequest(call.body as AnthropicMessagesRequest, call.betas);
    internal.model = call.model;
    internal.fieldNames = ANTHROPIC_FIELD_NAMES;
    return internal;
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
    this.usage.record(
      {
        requestId: ctx.requestId,
        key: ctx.keyName,
        endpoint: 'messages',
        reasoningTokens: 0,
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
      },
      telemetryOf(ctx.signal),
    );
  }
}
