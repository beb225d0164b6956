import type { CatalogEntry } from './catalog-entry';
import { parseModelId } from './model-id';

/** One successful catalog load, indexed for lookups by id and by ARN. Immutable once built. */
export class CatalogSnapshot {
  private readonly index = new Map<string, CatalogEntry>();

  constructor(
    readonly entries: readonly CatalogEntry[],
    readonly loadedAt: Date = new Date(),
  ) {
    for (const e of entries) this.index.set(e.id, e);
    for (const e of entries) if (!this.index.has(e.arn)) this.index.set(e.arn, e);
  }

  /**
   * The entry a model string names: its id or ARN as listed, or the same model or system profile written
   * as an ARN of another form or region (`arn:…::foundation-model/<id>`, `arn:…:inference-profile/us.<id>`).
   */
  find(id: string): CatalogEntry | undefined {
    const hit = this.index.get(id);
    if (hit) return hit;
    const parsed = parseModelId(id);
    if (parsed.kind === 'foundation') return this.index.get(parsed.baseModelId);
    if (parsed.kind === 'system-profile') return this.index.get(`${parsed.geography}.${parsed.baseModelId}`);
    return undefined;
  }
}
