import { Inject, Injectable, Logger } from '@nestjs/common';
import { BedrockClient } from '../../../../bedrock/bedrock-client';
import { UpstreamCall } from '../../../../bedrock/upstream-call';
import { ModelResolver } from '../../../../catalog/model.resolver';
import type { ResolvedModel } from '../../../../catalog/resolved-model';
import type { RequestContext } from '../../../../common/context/request-context';
import { ApiError } from '../../../../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../../../../config/gateway-config';
import {
  AnthropicEventStream,
  AnthropicJson,
  AnthropicNativeCall,
  AnthropicNativeRelay,
} from '../../../../inference/anthropic-native';
import { buildClaudeNativeBody } from './claude-native.body';
import { claudeNativeProfile } from './claude-native.profiles';
import { ClaudeEventStream } from './claude-native.stream';

interface Prepared {
  model: ResolvedModel;
  body: string;
}

/**
 * Anthropic Messages for Claude through Bedrock's native InvokeModel / InvokeModelWithResponseStream, whose
 * body is Anthropic's own format: the client's request goes through nearly as written (claude-native.body.ts
 * decides, per model, what Bedrock takes), and Bedrock's answer comes back as Anthropic's message or events.
 */
@Injectable()
export class ClaudeMessagesRelay extends AnthropicNativeRelay {
  private readonly logger = new Logger('ClaudeMessages');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly bedrock: BedrockClient,
  ) {
    super();
  }

  async handles(model: string): Promise<boolean> {
    const resolved = await this.resolver.resolve(model, 'chat');
    return resolved.profile.kind === 'chat' && resolved.profile.family === 'claude';
  }

  async complete(call: AnthropicNativeCall, ctx: RequestContext): Promise<AnthropicJson> {
    const { model, body } = await this.prepare(call, ctx);
    const upstream = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    try {
      const res = await this.bedrock.invokeModel({ modelId: model.modelId, body }, upstream.signal);
      const message = parseMessage(res.body);
      message.model = call.requestedModel;
      return message;
    } catch (err) {
      throw upstream.explain(err);
    } finally {
      upstream.dispose();
    }
  }

  async stream(call: AnthropicNativeCall, ctx: RequestContext): Promise<AnthropicEventStream> {
    const { model, body } = await this.prepare(call, ctx);
    const upstream = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    try {
      const chunks = await this.bedrock.invokeModelStream({ modelId: model.modelId, body }, upstream.signal);
      return new ClaudeEventStream(
        chunks,
        upstream,
        model.modelId,
        call.requestedModel,
        this.config.streamIdleTimeoutMs,
      );
    } catch (err) {
      upstream.dispose();
      throw upstream.explain(err);
    }
  }

  /**
   * CountTokens takes foundation-model ids only (an inference profile is refused with "The provided model
   * doesn't support counting tokens.", wire doc §12), so the base model counts for a profile.
   */
  async countTokens(call: AnthropicNativeCall, ctx: RequestContext): Promise<number> {
    const resolved = await this.resolver.resolve(call.model, 'chat');
    const limit = claudeNativeProfile(resolved.baseModelId).maxOutputTokens;
    const { body } = await this.prepare({ ...call, body: { ...call.body, max_tokens: limit } }, ctx);
    const upstream = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    try {
      return await this.bedrock.countTokens(
        { modelId: resolved.baseModelId, input: { invokeModel: { body } } },
        upstream.signal,
      );
    } catch (err) {
      throw upstream.explain(err);
    } finally {
      upstream.dispose();
    }
  }

  private async prepare(call: AnthropicNativeCall, ctx: RequestContext): Promise<Prepared> {
    const model = await this.resolver.resolve(call.model, 'chat');
    ctx.modelId = model.modelId;
    const { body, notes } = buildClaudeNativeBody({
      body: call.body,
      betas: call.betas,
      profile: claudeNativeProfile(model.baseModelId),
      chat: model.profile.chat,
    });
    if (notes.length > 0) {
      this.logger.debug?.({
        msg: 'left out or adapted for Bedrock',
        requestId: ctx.requestId,
        model: model.modelId,
        notes,
      });
    }
    return { model, body: JSON.stringify(body) };
  }
}

function parseMessage(bytes: Uint8Array): AnthropicJson {
  try {
    const message = JSON.parse(Buffer.from(bytes).toString('utf8')) as AnthropicJson;
    if (message.type === 'message' && Array.isArray(message.content)) return message;
  } catch {
    // reported below
  }
  throw new ApiError(502, 'Bedrock returned an incomplete response.', { code: 'upstream_incomplete' });
}
