/**
 * What a model string names, in the forms Bedrock accepts as a runtime `modelId`
 * (docs/bedrock-protocol.md §1.5, §2.1).
 */
export type ParsedModelId =
  | { kind: 'foundation'; baseModelId: string }
  | { kind: 'system-profile'; baseModelId: string; geography: string }
  | { kind: 'application-profile'; arn: string }
  | { kind: 'other-arn'; arn: string };

/** Geography prefixes of system-defined cross-region inference profiles. */
const PROFILE = /^(us|eu|apac|us-gov|jp|au|ca|global)\.(.+)$/;
const ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:([a-z-]+)\/(.+)$/;

export function parseModelId(id: string): ParsedModelId {
  const arn = ARN.exec(id);
  if (arn) {
    const [, resource, rest] = arn;
    if (resource === 'foundation-model') return { kind: 'foundation', baseModelId: rest };
    if (resource === 'inference-profile') {
      const p = PROFILE.exec(rest);
      return p
        ? { kind: 'system-profile', geography: p[1], baseModelId: p[2] }
        : { kind: 'other-arn', arn: id };
    }
    if (resource === 'application-inference-profile') return { kind: 'application-profile', arn: id };
    return { kind: 'other-arn', arn: id };
  }
  const p = PROFILE.exec(id);
  if (p) return { kind: 'system-profile', geography: p[1], baseModelId: p[2] };
  return { kind: 'foundation', baseModelId: id };
}

/** Names OpenAI clients send by default (`gpt-4o`, `o3-mini`, `chatgpt-4o-latest`), served by DEFAULT_MODEL. */
export const isOpenAIChatModelName = (id: string): boolean => /^(gpt-|chatgpt-|o\d(-|$))/.test(id);

/** OpenAI embedding model names, served by DEFAULT_EMBEDDING_MODEL. */
export const isOpenAIEmbeddingModelName = (id: string): boolean => id.startsWith('text-embedding-');
