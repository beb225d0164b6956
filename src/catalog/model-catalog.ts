import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import type { CatalogEntry } from './catalog-entry';
import type { CatalogSnapshot } from './catalog.snapshot';
import { ModelAccess } from './model-access';
import { buildListing, OpenAIModel, OpenAIModelList } from './model-listing';

/**
 * The models this gateway knows, held in memory: the last successful control-plane load (see
 * CatalogRefresher), the operator's aliases and allow-list, and the /v1/models answer built once per load,
 * so listing costs a lookup however often clients poll it.
 */
@Injectable()
export class ModelCatalog {
  readonly access: ModelAccess;
  private readonly defaults: string[];
  private snapshot: CatalogSnapshot | undefined;
  private generation = 0;
  private listing!: OpenAIModelList;
  private listed!: Map<string, OpenAIModel>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.defaults = [config.defaultModel, config.defaultEmbeddingModel];
    this.access = new ModelAccess({
      allowed: config.allowedModels,
      aliases: config.modelAliases,
      defaults: this.defaults,
    });
    this.publish();
  }

  /** True once a load from Bedrock has succeeded; until then only the defaults and aliases are known. */
  get loaded(): boolean {
    return this.snapshot !== undefined;
  }

  /** Changes with every installed load, so caches derived from the catalog know when to drop. */
  get version(): number {
    return this.generation;
  }

  get loadedAt(): Date | undefined {
    return this.snapshot?.loadedAt;
  }

  get size(): number {
    return this.snapshot?.entries.length ?? 0;
  }

  install(snapshot: CatalogSnapshot): void {
    this.snapshot = snapshot;
    this.generation++;
    this.publish();
  }

  /** The catalog entry for a model id or ARN, whatever the allow-list says. */
  find(id: string): CatalogEntry | undefined {
    return this.snapshot?.find(id);
  }

  list(): OpenAIModelList {
    return this.listing;
  }

  /** A listed model by id; what is not listed does not exist for clients. */
  retrieve(id: string): OpenAIModel | undefined {
    return this.listed.get(id);
  }

  private publish(): void {
    const data = buildListing(this.snapshot, this.access, this.defaults);
    this.listing = { object: 'list', data };
    this.listed = new Map(data.map((m) => [m.id, m]));
  }
}
