import { Inject, Injectable } from '@nestjs/common';
import { CHAT_FAMILIES, EMBEDDING_APIS } from '../catalog/model-capabilities';
import type { ResolvedModel } from '../catalog/resolved-model';
import type { EmbeddingAdapter } from './embeddings/embedding-adapter';
import type { FamilyAdapter } from './family-adapter';

/** Injection token for the list of all family adapters (see families/discover-families.ts). */
export const FAMILY_ADAPTERS = Symbol('FAMILY_ADAPTERS');

/**
 * The one registry of model families, for chat and embeddings alike, built from the registered adapters.
 * Refuses to start when a family of the capability data has no adapter, when two adapters claim one family
 * or one embedding API, or when the capability data names an embedding API no family speaks.
 */
@Injectable()
export class FamilyRegistry {
  private readonly byFamily = new Map<string, FamilyAdapter>();
  private readonly byEmbeddingApi = new Map<string, EmbeddingAdapter>();

  constructor(@Inject(FAMILY_ADAPTERS) adapters: readonly FamilyAdapter[]) {
    for (const adapter of adapters) {
      if (this.byFamily.has(adapter.family))
        throw new Error(`Two family adapters claim the family '${adapter.family}'`);
      this.byFamily.set(adapter.family, adapter);
      for (const [api, embedding] of Object.entries(adapter.embeddings ?? {})) {
        if (this.byEmbeddingApi.has(api)) throw new Error(`Two family adapters speak the embedding API '${api}'`);
        this.byEmbeddingApi.set(api, embedding);
      }
    }
    const missing = CHAT_FAMILIES.filter((f) => !this.byFamily.has(f));
    if (missing.length > 0) throw new Error(`No family adapter for the families: ${missing.join(', ')}`);
    const unknown = [...this.byFamily.keys()].filter((f) => !CHAT_FAMILIES.includes(f));
    if (unknown.length > 0)
      throw new Error(`Family adapters without capability data (familyDefaults): ${unknown.join(', ')}`);
    const unspoken = EMBEDDING_APIS.filter((api) => !this.byEmbeddingApi.has(api));
    if (unspoken.length > 0) throw new Error(`No family adapter speaks the embedding APIs: ${unspoken.join(', ')}`);
  }

  /** Every registered adapter, in registration order. */
  get adapters(): readonly FamilyAdapter[] {
    return [...this.byFamily.values()];
  }

  forModel(model: ResolvedModel): FamilyAdapter {
    return this.byFamily.get(model.profile.family)!;
  }

  /** The adapter for a native embedding API named in the capability data. */
  embeddingAdapter(api: string): EmbeddingAdapter | undefined {
    return this.byEmbeddingApi.get(api);
  }
}
