import type { FoundationModelSummary, InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { CatalogEntry } from './catalog-entry';
import { lookupModelProfile } from './model-capabilities';
import type { ModelKind } from './model-capabilities.types';
import { parseModelId } from './model-id';

/** What the control plane returned: every foundation model, and the profiles of the enabled kinds. */
export interface CatalogSources {
  models: FoundationModelSummary[];
  profiles: InferenceProfileSummary[];
}

interface BaseModel {
  /** Undefined: listed by Bedrock but not something this gateway serves (image output, no streaming, …). */
  kind?: ModelKind;
  ownedBy: string;
}

const LIVE = new Set(['ACTIVE', 'LEGACY']);

const seconds = (d: Date | undefined): number => (d ? Math.floor(d.getTime() / 1000) : 0);
const providerOf = (modelId: string): string => modelId.split('.')[0] ?? 'bedrock';
/** `Mistral AI` → `mistral-ai`: OpenAI's `owned_by` values are single lower-case words. */
const slug = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, '-');

/**
 * Chat models must produce text and stream (the chat surface streams); embedding models are served only
 * where an adapter knows their native API (capability data). Retired models are gone from Bedrock's
 * runtime; ACTIVE and LEGACY still answer (docs/bedrock-protocol.md §7.1).
 */
function kindOf(m: FoundationModelSummary): ModelKind | undefined {
  if (!LIVE.has(m.modelLifecycle?.status ?? '')) return undefined;
  const outputs = m.outputModalities ?? [];
  if (outputs.includes('EMBEDDING')) {
    return lookupModelProfile(m.modelId ?? '').embedding ? 'embedding' : undefined;
  }
  if (outputs.includes('TEXT') && m.responseStreamingSupported === true) return 'chat';
  return undefined;
}

/** The foundation model a profile routes to: every ARN in `models` names the same model (docs/bedrock-protocol.md §7.3). */
function baseModelIdOf(p: InferenceProfileSummary): string | undefined {
  const arn = p.models?.[0]?.modelArn;
  if (!arn) return undefined;
  const parsed = parseModelId(arn);
  return parsed.kind === 'foundation' ? parsed.baseModelId : undefined;
}

function profileEntry(p: InferenceProfileSummary, bases: Map<string, BaseModel>): CatalogEntry | undefined {
  const baseModelId = baseModelIdOf(p);
  if (!baseModelId || p.status !== 'ACTIVE' || !p.inferenceProfileArn || !p.inferenceProfileId)
    return undefined;
  const base = bases.get(baseModelId);
  // A profile over a model Bedrock listed but this gateway does not serve is left out; one over a model the
  // listing lacks (listings lag behind new profiles) is classified by the capability data instead.
  const kind = base ? base.kind : lookupModelProfile(baseModelId).kind;
  if (!kind) return undefined;
  const application = p.type === 'APPLICATION';
  return {
    // An application profile's bare id names nothing a runtime call understands; its ARN does (docs/bedrock-protocol.md §1.5).
    id: application ? p.inferenceProfileArn : p.inferenceProfileId,
    source: application ? 'application-profile' : 'system-profile',
    arn: p.inferenceProfileArn,
    baseModelId,
    kind,
    created: seconds(p.createdAt),
    ownedBy: base?.ownedBy ?? providerOf(baseModelId),
  };
}

/**
 * Builds the catalog from control-plane listings: foundation models callable on demand, then inference
 * profiles, each linked to the foundation model it runs so its family and capabilities are known.
 */
export function buildCatalog({ models, profiles }: CatalogSources): CatalogEntry[] {
  const bases = new Map<string, BaseModel>();
  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  const add = (e: CatalogEntry): void => {
    if (seen.has(e.id)) return;
    seen.add(e.id);
    entries.push(e);
  };
  for (const m of models) {
    if (!m.modelId || !m.modelArn) continue;
    const kind = kindOf(m);
    const ownedBy = m.providerName ? slug(m.providerName) : providerOf(m.modelId);
    bases.set(m.modelId, { kind, ownedBy });
    // Models reachable only through a profile reject direct calls (docs/bedrock-protocol.md §2.1), so only their profiles list.
    if (!kind || !m.inferenceTypesSupported?.includes('ON_DEMAND')) continue;
    add({
      id: m.modelId,
      source: 'foundation-model',
      arn: m.modelArn,
      baseModelId: m.modelId,
      kind,
      created: seconds(m.modelLifecycle?.startOfLifeTime),
      ownedBy,
    });
  }
  for (const p of profiles) {
    const entry = profileEntry(p, bases);
    if (entry) add(entry);
  }
  return entries;
}
