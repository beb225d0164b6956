import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { InferenceProfileDirectory } from './inference-profiles';
import { lookupModelProfile } from './model-capabilities';
import { isOpenAIChatModelName, isOpenAIEmbeddingModelName, parseModelId } from './model-id';
import type { ResolvedModel } from './resolved-model';

export type ModelPurpose = 'chat' | 'embedding';

/** Resolutions are cached; the bound keeps a stream of made-up model names from growing memory. */
const CACHE_LIMIT = 2048;

/**
 * Turns what a client wrote in `model` into the Bedrock `modelId` to call and the base model whose
 * capabilities apply: OpenAI names map to the configured defaults; cross-region and application inference
 * profiles are passed through as given, with the family taken from the model underneath.
 */
@Injectable()
export class ModelResolver {
  private readonly cache = new Map<string, ResolvedModel>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly profiles: InferenceProfileDirectory,
  ) {}

  async resolve(requested: string, purpose: ModelPurpose): Promise<ResolvedModel> {
    const key = `${purpose}\u0000${requested}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const resolved = await this.compute(requested, purpose);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, resolved);
    return resolved;
  }

  private async compute(requested: string, purpose: ModelPurpose): Promise<ResolvedModel> {
    const modelId = this.substitute(requested, purpose);
    const parsed = parseModelId(modelId);
    let baseModelId: string;
    switch (parsed.kind) {
      case 'foundation':
        baseModelId = parsed.baseModelId;
        break;
      case 'system-profile':
        if (!this.config.enableCrossRegionInference) {
          throw new ApiError(
            400,
            `Cross-region inference profiles are disabled on this gateway ('${requested}').`,
            {
              param: 'model',
              code: 'model_not_allowed',
            },
          );
        }
        baseModelId = parsed.baseModelId;
        break;
      case 'application-profile': {
        if (!this.config.enableApplicationInferenceProfiles) {
          throw new ApiError(
            400,
            `Application inference profiles are disabled on this gateway ('${requested}').`,
            {
              param: 'model',
              code: 'model_not_allowed',
            },
          );
        }
        const base = await this.profiles.baseModelOf(parsed.arn);
        if (!base) {
          throw new ApiError(
            404,
            `The model '${requested}' does not exist or you do not have access to it.`,
            {
              param: 'model',
              code: 'model_not_found',
            },
          );
        }
        baseModelId = base;
        break;
      }
      case 'other-arn':
        baseModelId = parsed.arn;
        break;
    }
    return { requested, modelId, baseModelId, profile: lookupModelProfile(baseModelId) };
  }

  private substitute(requested: string, purpose: ModelPurpose): string {
    if (purpose === 'chat' && isOpenAIChatModelName(requested)) return this.config.defaultModel;
    if (purpose === 'embedding' && isOpenAIEmbeddingModelName(requested))
      return this.config.defaultEmbeddingModel;
    return requested;
  }
}
