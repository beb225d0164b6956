import type { CatalogData, CatalogModel, CatalogProfile } from './catalog.types';
import data from './catalog.data.json';

/** The emulator's catalog, loaded from the one data file (typed by catalog.types.ts). */
export const catalog: CatalogData = data as CatalogData;

const modelsById = new Map<string, CatalogModel>(catalog.models.map((m) => [m.modelId, m]));
const profilesById = new Map<string, CatalogProfile>(catalog.profiles.map((p) => [p.id, p]));

// ARN shapes from the service model (docs/bedrock-protocol.md §7.3): the foundation-model ARN has an empty account,
// profile ARNs carry the account. Region and account are captured so callers can check them.
const FOUNDATION_MODEL_ARN = /^arn:aws:bedrock:([a-z0-9-]{1,20})::foundation-model\/(.+)$/;
const PROFILE_ARN =
  /^arn:aws:bedrock:([a-z0-9-]{1,20}):([0-9]{12}):(inference-profile|application-inference-profile)\/(.+)$/;

export function foundationModelArn(modelId: string, region: string = catalog.region): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

/** System profiles exist in every region they serve; an application profile lives in its home region. */
export function profileArn(profile: CatalogProfile, region: string = catalog.region): string {
  if (profile.type === 'APPLICATION') {
    return `arn:aws:bedrock:${profile.regions[0]}:${catalog.accountId}:application-inference-profile/${profile.id}`;
  }
  return `arn:aws:bedrock:${region}:${catalog.accountId}:inference-profile/${profile.id}`;
}

/** A foundation model by bare id or foundation-model ARN (any region). */
export function findModel(idOrArn: string): CatalogModel | undefined {
  const arn = FOUNDATION_MODEL_ARN.exec(idOrArn);
  return modelsById.get(arn ? arn[2] : idOrArn);
}

/**
 * An inference profile by id or ARN. The ARN's resource type must match the profile's type and its
 * account must be ours; the region is not checked here (see `profileServesRegion`).
 */
export function findProfile(idOrArn: string): CatalogProfile | undefined {
  const arn = PROFILE_ARN.exec(idOrArn);
  if (!arn) return profilesById.get(idOrArn);
  const [, , account, resourceType, id] = arn;
  const profile = profilesById.get(id);
  if (!profile || account !== catalog.accountId) return undefined;
  const expectedType = profile.type === 'APPLICATION' ? 'application-inference-profile' : 'inference-profile';
  return resourceType === expectedType ? profile : undefined;
}

/** Real Bedrock only lists and accepts the profiles of the caller's geography (us-east-1 → us., global.). */
export function profileServesRegion(profile: CatalogProfile, region: string): boolean {
  return profile.regions.includes(region);
}

export function profilesForRegion(region: string): CatalogProfile[] {
  return catalog.profiles.filter((p) => profileServesRegion(p, region));
}

/**
 * What a runtime caller's `modelId` points at. `foundation-model` means the model was named directly
 * (bare id or model ARN), so it needs ON_DEMAND throughput; `profile` means through an inference profile.
 */
export type ModelRef =
  | { kind: 'foundation-model'; model: CatalogModel }
  | { kind: 'profile'; model: CatalogModel; profile: CatalogProfile }
  | { kind: 'unknown' };

const UNKNOWN: ModelRef = { kind: 'unknown' };

export function resolveModelRef(modelId: string, region: string = catalog.region): ModelRef {
  const fmArn = FOUNDATION_MODEL_ARN.exec(modelId);
  if (fmArn && fmArn[1] !== region) return UNKNOWN;
  const model = findModel(modelId);
  if (model) return { kind: 'foundation-model', model };

  const profile = findProfile(modelId);
  if (!profile || !profileServesRegion(profile, region)) return UNKNOWN;
  const arn = PROFILE_ARN.exec(modelId);
  if (arn && arn[1] !== region) return UNKNOWN;
  const target = modelsById.get(profile.modelId);
  return target ? { kind: 'profile', model: target, profile } : UNKNOWN;
}
