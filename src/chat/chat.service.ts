import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BedrockClient } from '../bedrock/bedrock-client';
import { UpstreamCall } from '../bedrock/upstream-call';
import { ModelResolver } from '../catalog/model.resolver';
import { ClientGoneError, RequestContext } from '../common/context/request-context';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { AdapterRegistry } from '../providers/adapter.registry';
import { FallbackRunner } from '../resilience/fallback-runner';
import type { CompletionMeta } from '../providers/converse/completion-meta';
import { mergeChoices } from '../providers/converse/merge-choices';
import { replayAsStream } from '../providers/converse/replay-converse';
import type { MappingContext } from '../providers/converse/request-context';
import type { ChatCompletionRequest } from './dto/chat-request.types';
import type { ChatCompletion } from './dto/chat-response.types';
import { MediaService } from './media/media.service';
import { ChatStream } from './stream/chat-stream';
import { pumpChunks } from './stream/pump-chunks';

/**
 * Orchestrates one chat completion: resolve the model, map the request, call Bedrock (once per choice when
 * n > 1), map the answer back.
 */
@Injectable()
export class ChatService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly registry: AdapterRegistry,
    private readonly bedrock: BedrockClient,
    private readonly media: MediaService,
    private readonly fallbacks: FallbackRunner,
  ) {}

  /** Answers with the model asked for or, when it cannot, with its fallbacks (the answer still names `req.model`). */
  create(req: ChatCompletionRequest, ctx: RequestContext): Promise<ChatCompletion | ChatStream> {
    return this.fallbacks.run(req.model, ctx, (model, timeoutMs) => this.attempt(req, model, ctx, timeoutMs));
  }

  private async attempt(
    req: ChatCompletionRequest,
    modelName: string,
    ctx: RequestContext,
    timeoutMs: number,
  ): Promise<ChatCompletion | ChatStream> {
    const model = await this.resolver.resolve(modelName, 'chat');
    if (model.profile.kind !== 'chat') {
      throw new ApiError(400, `The model '${modelName}' is an embedding model; use it with /v1/embeddings.`, {
        param: 'model',
        code: 'invalid_model',
      });
    }
    ctx.modelId = model.modelId;
    const adapter = this.registry.forModel(model);
    const mapping: MappingContext = {
      model,
      settings: {
        defaultMaxTokens: this.config.defaultMaxTokens,
        enablePromptCaching: this.config.enablePromptCaching,
      },
      media: await this.media.prepare(req, model.profile.chat.vision, ctx.signal),
    };
    const { input, structured } = adapter.buildConverseRequest(req, mapping);
    const meta: CompletionMeta = {
      id: `chatcmpl-${randomUUID().replace(/-/g, '')}`,
      created: Math.floor(Date.now() / 1000),
      model: req.model,
      singleToolCall: req.parallel_tool_calls === false,
      structured,
    };
    const choices = req.n ?? 1;
    const call = new UpstreamCall(ctx.signal, Math.min(this.config.upstreamTimeoutMs, timeoutMs));
    if (!req.stream) {
      try {
        const outs = await Promise.all(Array.from({ length: choices }, () => this.converse(input, call)));
        return mergeChoices(outs.map((out) => adapter.toChatCompletion(out, meta)));
      } catch (err) {
        const error = call.explain(err);
        call.abort(); // the other choices' calls, when n > 1
        throw error;
      } finally {
        call.dispose();
      }
    }
    // Models that cannot stream tool use (Llama, Mistral, …) are called without streaming and the answer is
    // replayed as a stream, so the client still streams.
    const replay = input.toolConfig !== undefined && !model.profile.chat.streamingToolUse;
    let sources: AsyncIterable<ConverseStreamOutput>[];
    try {
      sources = await Promise.all(
        Array.from({ length: choices }, () =>
          replay
            ? this.converse(input, call).then(replayAsStream)
            : this.bedrock.converseStream(input, call.signal),
        ),
      );
    } catch (err) {
      const error = call.explain(err);
      call.abort();
      throw error;
    }
    const stream = new ChatStream(req.stream_options?.include_usage === true, () =>
      call.abort(new ClientGoneError()),
    );
    return stream.attach(pumpChunks(sources, adapter, meta, call, stream, this.config.streamIdleTimeoutMs));
  }

  private async converse(input: ConverseRequest, call: UpstreamCall): Promise<ConverseResponse> {
    const out = await this.bedrock.converse(input, call.signal);
    // A response cut off after its headers reaches the SDK's HTTP/2 handler as an empty success.
    if (!out.output?.message || !out.stopReason) {
      throw new ApiError(502, 'Bedrock returned an incomplete response.', { code: 'upstream_incomplete' });
    }
    return out;
  }
}
