import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModelCatalog } from '../../catalog/model-catalog';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config/gateway-config';

/**
 * Anthropic's model names (as Claude Code and the Anthropic SDKs send them, dates and `-latest` removed) →
 * Bedrock foundation-model ids. Dated names whose Bedrock id differs from the undated default are listed too.
 */
const DEFAULT_MODELS: Readonly<Record<string, string>> = {
  'claude-3-haiku': 'anthropic.claude-3-haiku-20240307-v1:0',
  'claude-3-opus': 'anthropic.claude-3-opus-20240229-v1:0',
  'claude-3-5-haiku': 'anthropic.claude-3-5-haiku-20241022-v1:0',
  'claude-3-5-sonnet': 'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'claude-3-5-sonnet-20240620': 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'claude-3-7-sonnet': 'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'claude-sonnet-4': 'anthropic.claude-sonnet-4-20250514-v1:0',
  'claude-opus-4': 'anthropic.claude-opus-4-20250514-v1:0',
  'claude-opus-4-1': 'anthropic.claude-opus-4-1-20250805-v1:0',
  'claude-sonnet-4-5': 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  'claude-haiku-4-5': 'anthropic.claude-haiku-4-5-20251001-v1:0',
  'claude-opus-4-5': 'anthropic.claude-opus-4-5-20251101-v1:0',
  'claude-opus-4-6': 'anthropic.claude-opus-4-6-v1',
  'claude-sonnet-4-6': 'anthropic.claude-sonnet-4-6',
  'claude-opus-4-7': 'anthropic.claude-opus-4-7',
};

export type ClaudeTier = 'opus' | 'sonnet' | 'haiku';

/** The newest model of each tier: where a name the table does not know yet (a newer client's) lands. */
const TIER_DEFAULTS: Readonly<Record<ClaudeTier, string>> = {
  opus: DEFAULT_MODELS['claude-opus-4-7'],
  sonnet: DEFAULT_MODELS['claude-sonnet-4-6'],
  haiku: DEFAULT_MODELS['claude-haiku-4-5'],
};

const DATE_OR_LATEST = /-(\d{8}|latest)$/;
const TIER = /^claude-(?:.*-)?(opus|sonnet|haiku)(?:-|$)/;

/** `claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`; `claude-3-5-haiku-latest` → `claude-3-5-haiku`. */
export function undated(name: string): string {
  return name.replace(DATE_OR_LATEST, '');
}

export function tierOf(name: string): ClaudeTier | undefined {
  return TIER.exec(name)?.[1] as ClaudeTier | undefined;
}

/** Cross-region profile geography of a region (`us-east-1` → `us`), as Bedrock names its system profiles. */
function geographyOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'us-gov';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ap-')) return 'apac';
  if (region.startsWith('ca-')) return 'ca';
  return 'us';
}

/**
 * Turns an Anthropic model name into what the gateway resolves: the operator's MODEL_ALIASES win (exact
 * names), then ANTHROPIC_MODEL_MAP and the built-in table (exact, then undated), then the name's tier
 * (`opus`/`sonnet`/`haiku`: the operator's map, else the newest of the tier) for a name nobody listed, so a
 * new Claude Code release never turns into 404s; that fallback is logged once per name. Bedrock ids, profiles
 * and ARNs pass through. Defaults are called through the region's cross-region profile when
 * ENABLE_CROSS_REGION_INFERENCE is on (newer Claude models are served only that way).
 */
@Injectable()
export class AnthropicModelNames {
  private readonly logger = new Logger('AnthropicModels');
  private readonly fellBack = new Set<string>();
  private readonly prefix: string;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly catalog: ModelCatalog,
  ) {
    this.prefix = config.enableCrossRegionInference ? `${geographyOf(config.region)}.` : '';
  }

  toBedrock(name: string): string {
    if (!name.startsWith('claude-') || this.catalog.access.aliasTarget(name)) return name;
    const map = this.config.anthropicModelMap;
    const plain = undated(name);
    const operator = map[name] ?? map[plain];
    if (operator) return operator;
    const known = DEFAULT_MODELS[name] ?? DEFAULT_MODELS[plain];
    if (known) return this.prefix + known;
    const tier = tierOf(name);
    if (!tier) return name;
    const target = map[tier] ?? this.prefix + TIER_DEFAULTS[tier];
    if (!this.fellBack.has(name) && this.fellBack.size < 1000) {
      this.fellBack.add(name);
      this.logger.log({
        msg: 'unknown Anthropic model name served by its tier default',
        model: name,
        tier,
        target,
      });
    }
    return target;
  }

  /** Anthropic names the built-in table and the operator's map offer, with what each maps to. */
  *entries(): Generator<[string, string]> {
    for (const name of Object.keys(DEFAULT_MODELS)) yield [name, this.toBedrock(name)];
    for (const name of Object.keys(this.config.anthropicModelMap)) {
      if (!(name in DEFAULT_MODELS) && name.startsWith('claude-')) yield [name, this.toBedrock(name)];
    }
  }
}
