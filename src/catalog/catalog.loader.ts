import {
  BedrockClient as ControlPlaneClient,
  InferenceProfileSummary,
  InferenceProfileType,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
} from '@aws-sdk/client-bedrock';
import type { CatalogSources } from './catalog.builder';

export interface ProfileKinds {
  /** System-defined cross-region profiles (ENABLE_CROSS_REGION_INFERENCE). */
  system: boolean;
  /** Application inference profiles (ENABLE_APPLICATION_INFERENCE_PROFILES). */
  application: boolean;
}

async function listProfiles(
  client: ControlPlaneClient,
  type: InferenceProfileType,
  signal: AbortSignal,
): Promise<InferenceProfileSummary[]> {
  const out: InferenceProfileSummary[] = [];
  // Every page: Bedrock pages this listing (docs/bedrock-protocol.md §7.3) and its default page can be small.
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListInferenceProfilesCommand({ typeEquals: type, nextToken }), {
      abortSignal: signal,
    });
    out.push(...(page.inferenceProfileSummaries ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

/**
 * Reads what the catalog is built from: ListFoundationModels (one unpaginated call, docs/bedrock-protocol.md §7.1) and
 * ListInferenceProfiles for each enabled kind, all pages.
 */
export async function fetchCatalogSources(
  client: ControlPlaneClient,
  kinds: ProfileKinds,
  signal: AbortSignal,
): Promise<CatalogSources> {
  const types: InferenceProfileType[] = [];
  if (kinds.system) types.push('SYSTEM_DEFINED');
  if (kinds.application) types.push('APPLICATION');
  const [models, ...profiles] = await Promise.all([
    client.send(new ListFoundationModelsCommand({}), { abortSignal: signal }),
    ...types.map((t) => listProfiles(client, t, signal)),
  ]);
  return { models: models.modelSummaries ?? [], profiles: profiles.flat() };
}
