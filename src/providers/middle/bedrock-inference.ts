import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { BedrockClient } from '../../bedrock/bedrock-client';
import { UpstreamCall } from '../../bedrock/upstream-call';
import { ModelResolver } from '../../catalog/model.resolver';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { ClientGoneError, type RequestContext } from '../../common/context/request-context';
import { ApiError } from '../../common/errors/api-error';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/gateway-config';
import { Inference, type ModelInputs } from '../../inference/inference';
import type { InferenceRequest } from '../../inference/inference-request';
import type { InferenceResponse, InferenceStream } from '../../inference/inference-response';
import { replayAsStream } from '../converse/replay-converse';
import type { RequestSettings } from '../converse/request-settings';
import type { PreparedConverse } from '../family-adapter';
import { FamilyRegistry } from '../family.registry';
import { keepFirstToolCall, keepFirstToolCallStream } from './single-tool-call';
import { resolveStructuredAnswer, resolveStructuredStream } from './structured-answer';

/**
 * The middle: the one {@link Inference} implementation. It resolves the model, lets the model's family
 * adapter prepare the Bedrock request, calls Bedrock through {@link BedrockClient} under an
 * {@link UpstreamCall} (client gone, UPSTREAM_TIMEOUT_MS, STREAM_IDLE_TIMEOUT_MS), and hands the answer back
 * in Converse's shapes with structured output and `tools.parallel: false` already carried out. A streamed
 * request with tools for a model that cannot stream tool use is made without streaming and replayed as
 * stream events, so every dialect reads one kind of stream.
 */
@Injectable()
export class BedrockInference extends Inference {
  private readonly settings: RequestSettings;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly registry: FamilyRegistry,
    private readonly bedrock: BedrockClient,
  ) {
    super();
    this.settings = {
      defaultMaxTokens: config.defaultMaxTokens,
      enablePromptCaching: config.enablePromptCaching,
    };
  }

  override async accepts(model: string): Promise<ModelInputs> {
    const resolved = await this.resolveChat(model);
    return { images: resolved.profile.chat.vision, documents: resolved.profile.chat.documents };
  }

  async complete(req: InferenceRequest, ctx: RequestContext): Promise<InferenceResponse> {
    const { model, prepared } = await this.prepare(req, ctx);
    const call = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    let out: ConverseResponse;
    try {
      out = await this.converse(prepared.input, call);
    } catch (err) {
      throw call.explain(err);
    } finally {
      call.dispose();
    }
    let content = out.output!.message!.content ?? [];
    let stopReason: string = out.stopReason!;
    if (prepared.structured)
      ({ content, stopReason } = resolveStructuredAnswer(content, stopReason, prepared.structured));
    if (req.tools?.parallel === false) content = keepFirstToolCall(content);
    const response: InferenceResponse = {
      content,
      stopReason,
      usage: out.usage ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      modelId: model.modelId,
    };
    if (out.metrics?.latencyMs !== undefined) response.latencyMs = out.metrics.latencyMs;
    return response;
  }

  async stream(req: InferenceRequest, ctx: RequestContext): Promise<InferenceStream> {
    const { model, prepared } = await this.prepare(req, ctx);
    const input = prepared.input;
    // Models that cannot stream tool use (Llama, Mistral, …) are called without streaming and replayed.
    const replay = input.toolConfig !== undefined && !model.profile.chat.streamingToolUse;
    const call = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    let source: AsyncIterable<ConverseStreamOutput>;
    try {
      source = replay
        ? replayAsStream(await this.converse(input, call))
        : await this.bedrock.converseStream(input, call.signal);
    } catch (err) {
      const error = call.explain(err);
      call.abort();
      throw error;
    }
    let events = this.watch(source, call);
    if (prepared.structured) events = resolveStructuredStream(events, prepared.structured);
    if (req.tools?.parallel === false) events = keepFirstToolCallStream(events);
    return {
      modelId: model.modelId,
      cancel: (reason?: unknown) => call.abort(reason ?? new ClientGoneError()),
      [Symbol.asyncIterator]: () => events[Symbol.asyncIterator](),
    };
  }

  private async resolveChat(requested: string): Promise<ResolvedModel> {
    const model = await this.resolver.resolve(requested, 'chat');
    if (model.profile.kind !== 'chat') {
      throw new ApiError(400, `The model '${requested}' is an embedding model; use it with /v1/embeddings.`, {
        param: 'model',
        code: 'invalid_model',
      });
    }
    return model;
  }

  private async prepare(
    req: InferenceRequest,
    ctx: RequestContext,
  ): Promise<{ model: ResolvedModel; prepared: PreparedConverse }> {
    const model = await this.resolveChat(req.model);
    ctx.modelId = model.modelId;
    return { model, prepared: this.registry.forModel(model).prepareConverse(req, model, this.settings) };
  }

  private async converse(input: ConverseRequest, call: UpstreamCall): Promise<ConverseResponse> {
    const out = await this.bedrock.converse(input, call.signal);
    // A response cut off after its headers reaches the SDK's HTTP/2 handler as an empty success.
    if (!out.output?.message || !out.stopReason) {
      throw new ApiError(502, 'Bedrock returned an incomplete response.', { code: 'upstream_incomplete' });
    }
    return out;
  }

  /**
   * Bedrock's events with the idle clock running; a stream that ends without its stop event is an error. Left
   * early (the reader stopped) or failed: the Bedrock call is stopped too.
   */
  private async *watch(
    source: AsyncIterable<ConverseStreamOutput>,
    call: UpstreamCall,
  ): AsyncGenerator<ConverseStreamOutput> {
    const idleMs = this.config.streamIdleTimeoutMs;
    let stopped = false;
    let finished = false;
    try {
      call.touch(idleMs);
      for await (const event of source) {
        call.touch(idleMs);
        if (event.messageStop) stopped = true;
        yield event;
      }
      if (!stopped) {
        throw new ApiError(502, 'The Bedrock stream ended before the answer was complete.', {
          code: 'upstream_stream_truncated',
        });
      }
      finished = true;
    } catch (err) {
      throw call.explain(err);
    } finally {
      if (finished) call.dispose();
      else call.abort(new ClientGoneError());
    }
  }
}
