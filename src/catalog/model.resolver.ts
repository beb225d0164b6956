import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import type { CatalogEntry } from './catalog-entry';
import { InferenceProfileDirectory } from './inference-profiles';
import { lookupModelProfile } from './model-capabilities';
import type { ModelProfile } from './model-capabilities.types';
import { ModelCatalog } from './model-catalog';
import { modelNotFound } from './model-errors';
import { isOpenAIChatModelName, isOpenAIEmbeddingModelName, ParsedModelId, parseModelId } from './model-id';
import type { ResolvedModel } from './resolved-model';

export type ModelPurpose = 'chat' | 'embedding';

/** Resolutions are cached; the bound keeps a stream of made-up model names from growing memory. */
const CACHE_LIMIT = 2048;

const disabled = (what: string, requested: string): ApiError =>
  new ApiError(400, `${what} are disabled on this gateway ('${requested}').`, {
    param: 'model',
    code: 'model_not_allowed',
  });

/**
 * Turns what a client wrote in `model` into the Bedrock `modelId` to call and the base model whose
 * capabilities apply. Aliases map to their target; OpenAI names without an alias map to the configured
 * defaults; anything else must pass the allow-list and, once the catalog is loaded, be a model Bedrock
 * listed, so an unknown name is a 404 here rather than Bedrock's validation error after a round trip.
 */
@Injectable()
export class ModelResolver {
  private readonly cache = new Map<string, ResolvedModel>();
  private cacheVersion = -1;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly catalog: ModelCatalog,
    private readonly profiles: InferenceProfileDirectory,
  ) {}

  async resolve(requested: string, purpose: ModelPurpose): Promise<ResolvedModel> {
    if (this.cacheVersion !== this.catalog.version) {
      // A new catalog load may have added or removed models: earlier answers no longer hold.
      this.cache.clear();
      this.cacheVersion = this.catalog.version;
    }
    const key = `${purpose}\u0000${requested}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const resolved = await this.compute(requested, purpose);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, resolved);
    return resolved;
  }

  private async compute(requested: string, purpose: ModelPurpose): Promise<ResolvedModel> {
    const { modelId, chosenByOperator } = this.target(requested, purpose);
    const parsed = parseModelId(modelId);
    if (parsed.kind === 'system-profile' && !this.config.enableCrossRegionInference) {
      throw disabled('Cross-region inference profiles', requested);
    }
    if (parsed.kind === 'application-profile' && !this.config.enableApplicationInferenceProfiles) {
      throw disabled('Application inference profiles', requested);
    }
    const entry = this.catalog.find(modelId);
    if (!chosenByOperator) {
      if (!this.catalog.access.allows(requested, entry?.id)) throw modelNotFound(requested);
      // Provisioned, custom and imported-model ARNs are never listed by the calls the catalog makes, so only
      // Bedrock can judge them.
      if (this.catalog.loaded && !entry && parsed.kind !== 'other-arn') throw modelNotFound(requested);
    }
    const baseModelId = entry?.baseModelId ?? (await this.baseModelOf(parsed, requested));
    return { requested, modelId, baseModelId, profile: profileFor(baseModelId, entry) };
  }

  /**
   * The model id to call. Aliases and the defaults standing in for OpenAI names are the operator's own
   * configuration: they are neither filtered by the allow-list nor required to be in the catalog.
   */
  private target(requested: string, purpose: ModelPurpose): { modelId: string; chosenByOperator: boolean } {
    const alias = this.catalog.access.aliasTarget(requested);
    if (alias) return { modelId: alias, chosenByOperator: true };
    if (purpose === 'chat' && isOpenAIChatModelName(requested)) {
      return { modelId: this.config.defaultModel, chosenByOperator: true };
    }
    if (purpose === 'embedding' && isOpenAIEmbeddingModelName(requested)) {
      return { modelId: this.config.defaultEmbeddingModel, chosenByOperator: true };
    }
    return { modelId: requested, chosenByOperator: this.catalog.access.isDefault(requested) };
  }

  private async baseModelOf(parsed: ParsedModelId, requested: string): Promise<string> {
    switch (parsed.kind) {
      case 'foundation':
      case 'system-profile':
        return parsed.baseModelId;
      case 'application-profile': {
        const base = await this.profiles.baseModelOf(parsed.arn);
        if (!base) throw modelNotFound(requested);
        return base;
      }
      case 'other-arn':
        return parsed.arn;
    }
  }
}

/** Capabilities from the data file; the control plane's word on chat vs embedding wins where they differ. */
function profileFor(baseModelId: string, entry: CatalogEntry | undefined): ModelProfile {
  const profile = lookupModelProfile(baseModelId);
  return entry && entry.kind !== profile.kind ? { ...profile, kind: entry.kind } : profile;
}
