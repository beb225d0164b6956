import {
  findProfile,
  foundationModelArn,
  profileArn,
  profileServesRegion,
  profilesForRegion,
} from '../catalog/catalog';
import type { CatalogProfile } from '../catalog/catalog.types';
import { anchored, ConstraintErrors, identifierProblem } from './constraint.errors';
import { invalidInput, notFound, type ControlPlaneResult } from './control-plane.result';
import { decodePageToken, encodePageToken } from './page-token';

/**
 * Small on purpose: a client that ignores `nextToken` sees only part of the list, as it eventually would
 * against real Bedrock (the issue asks for clients that ignore pagination to be caught).
 */
export const DEFAULT_PAGE_SIZE = 5;
const PROFILE_TYPES = ['SYSTEM_DEFINED', 'APPLICATION'] as const;
/** Profiles are static catalog data; a fixed creation time keeps responses deterministic. */
const CREATED_AT = '2024-08-27T00:00:00Z';
const IDENTIFIER_SOURCE =
  '(arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:(|[0-9a-z-]{0,20}):(|[0-9]{12}):(inference-profile|application-inference-profile)/)?[a-zA-Z0-9-:.]+';
const IDENTIFIER = anchored(IDENTIFIER_SOURCE);
const TOKEN_SOURCE = '\\S*';
const TOKEN = anchored(TOKEN_SOURCE);

/** InferenceProfileSummary (§7.3): `models` lists the foundation model once per region it routes to. */
export function profileSummary(profile: CatalogProfile, region: string): Record<string, unknown> {
  return {
    inferenceProfileName: profile.name,
    description: profile.description,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    inferenceProfileArn: profileArn(profile, region),
    models: profile.regions.map((r) => ({ modelArn: foundationModelArn(profile.modelId, r) })),
    inferenceProfileId: profile.id,
    status: profile.status,
    type: profile.type,
  };
}

export function listInferenceProfiles(query: URLSearchParams, region: string): ControlPlaneResult {
  const type = query.get('type');
  const maxResultsRaw = query.get('maxResults');
  const nextToken = query.get('nextToken');
  const errors = new ConstraintErrors();
  errors.enumValue('typeEquals', type, PROFILE_TYPES);
  let pageSize = DEFAULT_PAGE_SIZE;
  if (maxResultsRaw !== null) {
    pageSize = Number(maxResultsRaw);
    if (!Number.isInteger(pageSize))
      errors.add(
        `Value '${maxResultsRaw}' at 'maxResults' failed to satisfy constraint: Member must be an integer`,
      );
    else errors.range('maxResults', pageSize, 1, 1000);
  }
  errors.length('nextToken', nextToken, 1, 2048);
  errors.pattern('nextToken', nextToken, TOKEN, TOKEN_SOURCE);
  const problem = errors.message();
  if (problem) return invalidInput(problem);

  const profiles = profilesForRegion(region).filter((p) => type === null || p.type === type);
  const filter = `${region}|${type ?? ''}`;
  let offset = 0;
  if (nextToken !== null) {
    const decoded = decodePageToken(nextToken, filter, profiles.length);
    if (decoded === undefined) {
      return invalidInput('The provided pagination token is invalid.');
    }
    offset = decoded;
  }
  const page = profiles.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = {
    inferenceProfileSummaries: page.map((p) => profileSummary(p, region)),
  };
  if (offset + pageSize < profiles.length) body.nextToken = encodePageToken(offset + pageSize, filter);
  return { ok: true, body };
}

/** GetInferenceProfile by id or ARN; profiles of another geography are unknown here, as on Bedrock. */
export function getInferenceProfile(identifier: string, region: string): ControlPlaneResult {
  const problem = identifierProblem('inferenceProfileIdentifier', identifier, IDENTIFIER, IDENTIFIER_SOURCE);
  if (problem) return invalidInput(problem);
  const profile = findProfile(identifier);
  if (!profile || !profileServesRegion(profile, region)) {
    return notFound(`Inference profile ${identifier} not found.`);
  }
  return { ok: true, body: profileSummary(profile, region) };
}
