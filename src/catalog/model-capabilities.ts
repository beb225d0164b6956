import data from './model-capabilities.data.json';
import type {
  ChatCapabilities,
  ChatFamily,
  EmbeddingCapabilities,
  ModelKind,
  ModelProfile,
} from './model-capabilities.types';

interface Entry {
  prefix: string;
  family?: string;
  kind?: string;
  chat?: Partial<ChatCapabilities>;
  embedding?: EmbeddingCapabilities;
}

const defaults = data.familyDefaults as Record<ChatFamily, ChatCapabilities>;

/** Every family the capability data knows (each needs exactly one adapter). */
export const CHAT_FAMILIES: readonly ChatFamily[] = Object.keys(defaults);

/** Every native embedding API the capability data names (each needs a family adapter that speaks it). */
export const EMBEDDING_APIS: readonly string[] = [
  ...new Set((data.models as Entry[]).flatMap((e) => (e.embedding ? [e.embedding.api] : []))),
];
// Longest prefix first, so the most specific entry wins.
const entries = (data.models as Entry[]).slice().sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * Capabilities of a base model id (`anthropic.claude-3-5-haiku-20241022-v1:0`), from the data file.
 * The family comes from the most specific entry that names one; per-model overrides stack on the family's
 * defaults from least to most specific.
 */
export function lookupModelProfile(baseModelId: string): ModelProfile {
  const matches = entries.filter((e) => baseModelId.startsWith(e.prefix));
  const family = (matches.find((e) => e.family)?.family ?? 'generic') as ChatFamily;
  const kind = (matches.find((e) => e.kind)?.kind ?? 'chat') as ModelKind;
  const chat: ChatCapabilities = { ...defaults[family] };
  for (const m of matches.slice().reverse()) Object.assign(chat, m.chat);
  return { kind, family, chat, embedding: matches.find((e) => e.embedding)?.embedding };
}
