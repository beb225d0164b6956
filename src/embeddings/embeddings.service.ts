import { Inject, Injectable } from '@nestjs/common';
import { BedrockClient } from '../bedrock/bedrock-client';
import { UpstreamCall } from '../bedrock/upstream-call';
import type { EmbeddingCapabilities } from '../catalog/model-capabilities.types';
import { ModelResolver } from '../catalog/model.resolver';
import type { ResolvedModel } from '../catalog/resolved-model';
import type { RequestContext } from '../common/context/request-context';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import type { EmbeddingAdapter, EmbeddingOptions } from '../providers/embeddings/embedding-adapter';
import { malformedResponse } from '../providers/embeddings/response-checks';
import { FamilyRegistry } from '../providers/family.registry';
import { mapWithLimit } from '../common/concurrency/map-with-limit';
import type { EmbeddingsRequest } from './dto/embeddings-request.types';
import type { EmbeddingsResponse } from './dto/embeddings-response.types';
import { float32Base64 } from './encoding/float32-base64';
import { embeddingTexts } from './input/embedding-texts';

interface BatchResult {
  vectors: number[][];
  inputTokens: number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The model's embedding API, or a 400 saying why this model cannot make embeddings. */
function embeddingSpec(model: ResolvedModel): EmbeddingCapabilities {
  if (model.profile.kind === 'chat') {
    throw new ApiError(
      400,
      `The model '${model.requested}' is a chat model, not an embedding model; use it with /v1/chat/completions.`,
      { param: 'model', code: 'invalid_model' },
    );
  }
  if (!model.profile.embedding) {
    throw new ApiError(
      400,
      `The embedding model '${model.requested}' is not supported by this gateway (no adapter for its request format).`,
      { param: 'model', code: 'invalid_model' },
    );
  }
  return model.profile.embedding;
}

/** OpenAI's `dimensions`, checked against what the model offers; undefined leaves the model's default. */
function checkDimensions(requested: number | null | undefined, spec: EmbeddingCapabilities, model: string) {
  if (requested === undefined || requested === null) return undefined;
  if (!spec.dimensions.includes(requested)) {
    throw new ApiError(
      400,
      `The model '${model}' does not support dimensions=${requested}; supported: ${spec.dimensions.join(', ')}.`,
      { param: 'dimensions', code: 'unsupported_value' },
    );
  }
  // A model with a single size takes no size parameter (Titan G1 rejects any extra field).
  return spec.dimensions.length > 1 ? requested : undefined;
}

/**
 * One embeddings request: resolve the model, turn the input into texts, call InvokeModel in batches of the
 * model's size (96 texts for Cohere, one for Titan and Nova) with at most EMBEDDING_CONCURRENCY calls in
 * flight, and answer in OpenAI's shape, vectors in input order.
 */
@Injectable()
export class EmbeddingsService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly resolver: ModelResolver,
    private readonly bedrock: BedrockClient,
    private readonly families: FamilyRegistry,
  ) {}

  async create(req: EmbeddingsRequest, ctx: RequestContext): Promise<EmbeddingsResponse> {
    const model = await this.resolver.resolve(req.model, 'embedding');
    const spec = embeddingSpec(model);
    const options: EmbeddingOptions = {
      dimensions: checkDimensions(req.dimensions, spec, req.model),
      inputType: req.input_type ?? 'search_document',
    };
    ctx.modelId = model.modelId;
    const texts = embeddingTexts(req.input, this.config.embeddingTokenEncoding);
    // The registry checked at boot that a family speaks every API the capability data names.
    const adapter = this.families.embeddingAdapter(spec.api)!;
    const call = new UpstreamCall(ctx.signal, this.config.upstreamTimeoutMs);
    let results: BatchResult[];
    try {
      results = await mapWithLimit(chunk(texts, spec.maxBatch), this.config.embeddingConcurrency, (batch) =>
        this.invoke(model.modelId, adapter, batch, options, call.signal),
      );
    } catch (err) {
      // The first failure answers the request; calls still in flight are abandoned.
      const reported = call.explain(err);
      call.abort(reported);
      throw reported;
    } finally {
      call.dispose();
    }
    const base64 = req.encoding_format === 'base64';
    const vectors = results.flatMap((r) => r.vectors);
    const promptTokens = results.reduce((n, r) => n + r.inputTokens, 0);
    return {
      object: 'list',
      data: vectors.map((v, index) => ({
        object: 'embedding',
        index,
        embedding: base64 ? float32Base64(v) : v,
      })),
      model: req.model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    };
  }

  private async invoke(
    modelId: string,
    adapter: EmbeddingAdapter,
    texts: string[],
    options: EmbeddingOptions,
    signal: AbortSignal,
  ): Promise<BatchResult> {
    const out = await this.bedrock.invokeModel(
      { modelId, body: JSON.stringify(adapter.buildBody(texts, options)) },
      signal,
    );
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(out.body).toString('utf8'));
    } catch {
      throw malformedResponse('not JSON');
    }
    const parsed = adapter.parseResponse(body, texts.length);
    // Bedrock's header count covers every family; the body's count is the fallback where one exists.
    return { vectors: parsed.vectors, inputTokens: out.inputTokens ?? parsed.inputTokens ?? 0 };
  }
}
