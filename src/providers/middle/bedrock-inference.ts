import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
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
import { FallbackRunner } from '../../resilience/fallback-runner';
import type { RequestSettings } from '../converse/request-settings';
import { FamilyRegistry } from '../family.registry';
import type { BedrockCall, RawAnswer } from './bedrock-call';
import { converseCall } from './converse-call';
import { ModelApiRouter } from './model-api.router';
import { nativeCall } from './native-call';
import { keepFirstToolCall, keepFirstToolCallStream } from './single-tool-call';
import { resolveStructuredAnswer, resolveStructuredStream } from './structured-answer';

/**
 * The middle: the one {@link Inference} implementation. It resolves the model, routes it to a back-end
 * (Converse by default; the family's native InvokeModel API where MODEL_API says so, and always for a raw
 * prompt), lets the model's family adapter prepare the request, calls Bedrock through {@link BedrockClient}
 * under an {@link UpstreamCall} (client gone, UPSTREAM_TIMEOUT_MS, STREAM_IDLE_TIMEOUT_MS), and hands the
 * answer back in Converse's shapes with structured output and `tools.parallel: false` already carried out,
 * whichever back-end served it (converse-call.ts, native-call.ts).
 */
@Injectable()
export class BedrockInference extends Inference {
  private readonly settings: RequestSettings;
  private readonly router: ModelApiRouter;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly registry: FamilyRegistry,
    private readonly bedrock: BedrockClient,
    private readonly fallbacks: FallbackRunner,
  ) {
    super();
    this.settings = {
      defaultMaxTokens: config.defaultMaxTokens,
      enablePromptCaching: config.enablePromptCaching,
    };
    this.router = new ModelApiRouter(config.modelApi);
  }

  override async accepts(model: string): Promise<ModelInputs> {
    const resolved = this.router.route(await this.resolveChat(model)).model;
    return { images: resolved.profile.chat.vision, documents: resolved.profile.chat.documents };
  }

  /**
   * Answers with `req.model` or, when it cannot (throttled, failing, unavailable, prompt too long), with its
   * fallbacks, within the request's deadline (see {@link FallbackRunner}); every dialect gets this.
   */
  complete(req: InferenceRequest, ctx: RequestContext): Promise<InferenceResponse> {
    return this.fallbacks.run(req.model, ctx, (model, timeoutMs) =>
      this.completeWith(model === req.model ? req : { ...req, model }, ctx, timeoutMs),
    );
  }

  stream(req: InferenceRequest, ctx: RequestContext): Promise<InferenceStream> {
    return this.fallbacks.run(req.model, ctx, (model, timeoutMs) =>
      this.streamWith(model === req.model ? req : { ...req, model }, ctx, timeoutMs),
    );
  }

  private async completeWith(
    req: InferenceRequest,
    ctx: RequestContext,
    timeoutMs: number,
  ): Promise<InferenceResponse> {
    const { model, prepared } = await this.prepare(req, ctx);
    const call = new UpstreamCall(ctx.signal, Math.min(this.config.upstreamTimeoutMs, timeoutMs));
    let answer: RawAnswer;
    try {
      answer = await prepared.complete(call);
    } catch (err) {
      throw call.explain(err);
    } finally {
      call.dispose();
    }
    let { content, stopReason } = answer;
    if (prepared.structured)
      ({ content, stopReason } = resolveStructuredAnswer(content, stopReason, prepared.structured));
    if (req.tools?.parallel === false) content = keepFirstToolCall(content);
    const response: InferenceResponse = { content, stopReason, usage: answer.usage, modelId: model.modelId };
    if (answer.latencyMs !== undefined) response.latencyMs = answer.latencyMs;
    return response;
  }

  /** Resolves once Bedrock accepted the stream: a failure after that is the stream's, never a fallback's. */
  private async streamWith(
    req: InferenceRequest,
    ctx: RequestContext,
    timeoutMs: number,
  ): Promise<InferenceStream> {
    const { model, prepared } = await this.prepare(req, ctx);
    const call = new UpstreamCall(ctx.signal, Math.min(this.config.upstreamTimeoutMs, timeoutMs));
    let source: AsyncIterable<ConverseStreamOutput>;
    try {
      source = await prepared.stream(call);
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

  /** The routed model, and the request prepared for its back-end. */
  private async prepare(
    req: InferenceRequest,
    ctx: RequestContext,
  ): Promise<{ model: ResolvedModel; prepared: BedrockCall }> {
    const routed = this.router.route(await this.resolveChat(req.model));
    const model = routed.model;
    ctx.modelId = model.modelId;
    const family = this.registry.forModel(model);
    if (routed.api === 'converse' && !req.prompt) {
      const prepared = family.prepareConverse(req, model, this.settings);
      return { model, prepared: converseCall(prepared, model, this.bedrock) };
    }
    const codec = family.nativeCodecFor(model);
    if (!codec) {
      const why = req.prompt ? ', which legacy completions need; use /v1/chat/completions' : '';
      throw new ApiError(
        400,
        `The model '${model.requested}' has no native InvokeModel API in this gateway${why}.`,
        {
          param: 'model',
          code: 'unsupported_model',
        },
      );
    }
    const withDefaults =
      req.inference.maxTokens === undefined && this.settings.defaultMaxTokens !== undefined
        ? { ...req, inference: { ...req.inference, maxTokens: this.settings.defaultMaxTokens } }
        : req;
    return { model, prepared: nativeCall(withDefaults, model, codec, this.bedrock) };
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
