import type { CatalogEntry } from './catalog-entry';
import type { CatalogSnapshot } from './catalog.snapshot';
import type { ModelAccess } from './model-access';
import { parseModelId } from './model-id';

/** OpenAI's model object (GET /v1/models, GET /v1/models/{model}). */
export interface OpenAIModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

export interface OpenAIModelList {
  object: 'list';
  data: OpenAIModel[];
}

/** Provider of a model not in the catalog, from its id (`us.anthropic.…` → `anthropic`). */
function ownerOf(id: string): string {
  const parsed = parseModelId(id);
  return parsed.kind === 'foundation' || parsed.kind === 'system-profile'
    ? parsed.baseModelId.split('.')[0]
    : 'bedrock';
}

const describe = (id: string, entry: CatalogEntry | undefined, target: string): OpenAIModel => ({
  id,
  object: 'model',
  created: entry?.created ?? 0,
  owned_by: entry?.ownedBy ?? ownerOf(target),
});

/**
 * What /v1/models shows: the aliases first (the names the operator wants clients to pick), then every
 * catalog entry the allow-list lets through, then the configured defaults, which are always callable and so
 * always listed, even before (or without) a catalog load.
 */
export function buildListing(
  snapshot: CatalogSnapshot | undefined,
  access: ModelAccess,
  defaults: readonly string[],
): OpenAIModel[] {
  const out = new Map<string, OpenAIModel>();
  for (const [alias, target] of access.aliasEntries()) {
    out.set(alias, describe(alias, snapshot?.find(target), target));
  }
  for (const entry of snapshot?.entries ?? []) {
    if (!out.has(entry.id) && access.allows(entry.id)) out.set(entry.id, describe(entry.id, entry, entry.id));
  }
  for (const id of defaults) if (!out.has(id)) out.set(id, describe(id, snapshot?.find(id), id));
  return [...out.values()];
}
