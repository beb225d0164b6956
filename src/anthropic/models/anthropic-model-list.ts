import type { ModelCatalog } from '../../catalog/model-catalog';
import type { AnthropicModelNames } from '../model-names/anthropic-model-names';

/** Anthropic's model object (`GET /v1/models` with `anthropic-version`, the Anthropic SDK's `models.list()`). */
export interface AnthropicModel {
  type: 'model';
  id: string;
  display_name: string;
  created_at: string;
}

export interface AnthropicModelPage {
  data: AnthropicModel[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** `claude-sonnet-4-5` → `Claude Sonnet 4.5`. */
function displayName(name: string): string {
  return name
    .split('-')
    .reduce<string[]>((words, part) => {
      const previous = words[words.length - 1];
      if (/^\d+$/.test(part) && previous && /^\d+(\.\d+)?$/.test(previous))
        words[words.length - 1] = `${previous}.${part}`;
      else words.push(/^\d/.test(part) ? part : part[0].toUpperCase() + part.slice(1));
      return words;
    }, [])
    .join(' ');
}

/**
 * The Anthropic names this gateway serves whose Bedrock model the catalog lists (all of them before a catalog
 * load, since the gateway then cannot tell), in Anthropic's list shape. Small and built per request.
 */
export function anthropicModels(names: AnthropicModelNames, catalog: ModelCatalog): AnthropicModel[] {
  const out: AnthropicModel[] = [];
  for (const [name, target] of names.entries()) {
    const entry = catalog.find(target);
    if (catalog.loaded && !entry) continue;
    out.push({
      type: 'model',
      id: name,
      display_name: displayName(name),
      created_at: new Date((entry?.created ?? 0) * 1000).toISOString(),
    });
  }
  return out;
}

export function anthropicModelPage(models: AnthropicModel[]): AnthropicModelPage {
  return {
    data: models,
    has_more: false,
    first_id: models[0]?.id ?? null,
    last_id: models[models.length - 1]?.id ?? null,
  };
}
