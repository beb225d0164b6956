import { Injectable } from '@nestjs/common';
import { ModelCatalog } from '../catalog/model-catalog';

/** The label for every model name the gateway does not know. */
export const OTHER_MODEL = 'other';

/**
 * Bounds the model names that become metric labels and usage-total keys. A name is kept when the operator or
 * Bedrock made it: a model listed by the catalog (`/v1/models`, which includes aliases and the defaults), an
 * alias, a default model, or an alias's target. Anything a client invents is {@link OTHER_MODEL}, so no client
 * can grow the label set or the in-memory totals by sending made-up names.
 */
@Injectable()
export class ModelLabels {
  constructor(private readonly catalog: ModelCatalog) {}

  of(name: string | undefined): string {
    if (name === undefined || name === '') return OTHER_MODEL;
    const catalog = this.catalog;
    if (catalog.retrieve(name) !== undefined) return name;
    const access = catalog.access;
    if (access.aliasTarget(name) !== undefined || access.isDefault(name)) return name;
    return this.isAliasTarget(name) ? name : OTHER_MODEL;
  }

  private targets: Set<string> | undefined;

  private isAliasTarget(name: string): boolean {
    this.targets ??= new Set([...this.catalog.access.aliasEntries()].map(([, target]) => target));
    return this.targets.has(name);
  }
}
