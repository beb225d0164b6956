import type { ModelKind } from './model-capabilities.types';

/** Where a catalog entry came from on Bedrock's control plane. */
export type CatalogSource = 'foundation-model' | 'system-profile' | 'application-profile';

/** One model a client may name in `model`, as Bedrock's control plane describes it. */
export interface CatalogEntry {
  /** What clients send: a model id, a system profile id (`us.…`), or an application-profile ARN. */
  id: string;
  source: CatalogSource;
  /** The ARN Bedrock gave for it; requests may name the model by it too. */
  arn: string;
  /** The foundation model that runs behind it (its capabilities apply). */
  baseModelId: string;
  kind: ModelKind;
  /** Unix seconds: the model's start of life or the profile's creation (0 when Bedrock gives neither). */
  created: number;
  /** The base model's provider, lower-cased (`anthropic`), for OpenAI's `owned_by`. */
  ownedBy: string;
}
