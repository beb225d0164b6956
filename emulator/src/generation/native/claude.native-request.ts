import type { CatalogModel } from '../../catalog/catalog.types';
import type { ContentBlock, Message, SystemBlock, Tool, ToolChoice } from '../../engine/converse.types';
import { validationError } from '../../engine/engine.errors';
import { malformedInput } from '../../validation/native-schema';

type Json = Record<string, unknown>;

// Anthropic's own messages, returned verbatim by InvokeModel (wire doc §6.3, §9; public captures of Bedrock
// answering Claude Code: anthropics/claude-code#49370, #82549).
export const EMPTY_TEXT_BLOCK = 'messages: text content blocks must be non-empty';
export const INVALID_BETA = 'invalid beta flag';
export const extraInput = (at: string) => `${at}: Extra inputs are not permitted`;
export const maxTokensAboveLimit = (max: number, limit: number, name: string) =>
  `max_tokens: ${max} > ${limit}, which is the maximum allowed number of output tokens for ${name}`;
/** [UNVERIFIED] wording; Anthropic's tagged-union message for a thinking type the model lacks. */
export const thinkingTypeUnknown = (type: string, allowed: string[]) =>
  `thinking: Input tag '${type}' found using 'type' does not match any of the expected tags: ${allowed
    .map((t) => `'${t}'`)
    .join(', ')}`;

/** Body members Bedrock accepts only with their beta flag (and only on models that accept the beta). */
const GATED_FIELDS: Record<string, string> = {
  context_management: 'context-management-2025-06-27',
  output_config: 'effort-2025-11-24',
};

const TOOL_KEYS = new Set(['type', 'name', 'description', 'input_schema', 'cache_control']);
const THINKING_KEYS: Record<string, Set<string>> = {
  enabled: new Set(['type', 'budget_tokens']),
  disabled: new Set(['type']),
  adaptive: new Set(['type']),
};

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** `cache_control` becomes a Converse cache point right after its block, which is how the engine accounts it. */
function withCachePoint(out: ContentBlock[], b: Json): void {
  const cache = b.cache_control as Json | undefined;
  if (cache && typeof cache === 'object')
    out.push({ cachePoint: { type: 'default', ttl: cache.ttl as string } });
}

function mediaSource(source: Json): { bytes?: string; text?: string } {
  if (source.type === 'text') return { text: String(source.data ?? '') };
  return { bytes: String(source.data ?? '') };
}

function block(b: Json, index: number): ContentBlock {
  switch (b.type) {
    case 'text':
      if (typeof b.text !== 'string' || b.text.trim() === '') throw validationError(EMPTY_TEXT_BLOCK);
      return { text: b.text };
    case 'image': {
      const source = (b.source ?? {}) as Json;
      const format = String(source.media_type ?? '').replace('image/', '');
      return { image: { format, source: { bytes: String(source.data ?? '') } } };
    }
    case 'document': {
      const source = (b.source ?? {}) as Json;
      const format = source.type === 'text' ? 'txt' : 'pdf';
      return {
        document: { name: String(b.title ?? `document-${index}`), format, source: mediaSource(source) },
      };
    }
    case 'tool_use':
      return { toolUse: { toolUseId: String(b.id), name: String(b.name), input: b.input ?? {} } };
    case 'tool_result': {
      const content =
        typeof b.content === 'string'
          ? [{ text: b.content }]
          : asArray(b.content).map((c) => ({ text: String(c.text ?? '') }));
      return {
        toolResult: { toolUseId: String(b.tool_use_id), content, status: b.is_error ? 'error' : undefined },
      };
    }
    case 'thinking':
      return {
        reasoningContent: {
          reasoningText: { text: String(b.thinking ?? ''), signature: b.signature as string | undefined },
        },
      };
    case 'redacted_thinking':
      return { reasoningContent: { redactedContent: String(b.data ?? '') } };
    default:
      return { text: '' };
  }
}

function contentOf(value: unknown): ContentBlock[] {
  if (typeof value === 'string') return [block({ type: 'text', text: value }, 0)];
  const out: ContentBlock[] = [];
  asArray(value).forEach((b, i) => {
    out.push(block(b, i));
    withCachePoint(out, b);
  });
  return out;
}

export function nativeMessage(m: Json): Message {
  return { role: String(m.role), content: contentOf(m.content) };
}

export function nativeSystem(value: unknown): SystemBlock[] | undefined {
  if (typeof value === 'string') return [{ text: value }];
  if (!Array.isArray(value)) return undefined;
  const out: SystemBlock[] = [];
  for (const b of asArray(value)) {
    out.push({ text: String(b.text ?? '') });
    const cache = b.cache_control as Json | undefined;
    if (cache) out.push({ cachePoint: { type: 'default', ttl: cache.ttl as string } } as SystemBlock);
  }
  return out;
}

export function nativeTools(body: Json): { tools: Tool[]; toolChoice?: ToolChoice } | undefined {
  const list = asArray(body.tools);
  if (list.length === 0) return undefined;
  const choice = (body.tool_choice ?? {}) as Json;
  const toolChoice: ToolChoice | undefined =
    choice.type === 'any'
      ? { any: {} }
      : choice.type === 'tool'
        ? { tool: { name: String(choice.name) } }
        : undefined;
  const tools: Tool[] = [];
  for (const t of list) {
    tools.push({
      toolSpec: {
        name: String(t.name),
        description: t.description as string,
        inputSchema: { json: t.input_schema },
      },
    });
    if (t.cache_control) tools.push({ cachePoint: { type: 'default' } } as Tool);
  }
  return { tools: choice.type === 'none' ? [] : tools, toolChoice };
}

/**
 * What Bedrock's Claude body refuses beyond the top-level schema: beta flags the model does not take, fields
 * gated by a beta, tool members of Anthropic's newer APIs (`defer_loading`, …), thinking types the model lacks,
 * and `max_tokens` above the model's output limit.
 */
export function checkClaudeBody(body: Json, model: CatalogModel, name: string): void {
  const chat = model.chat!;
  const betas = asArray(body.anthropic_beta) as unknown as string[];
  const accepted = new Set(chat.anthropicBetas ?? []);
  if (betas.some((b) => !accepted.has(b))) throw validationError(INVALID_BETA);
  const gated = Object.entries(GATED_FIELDS).filter(
    ([field, beta]) => body[field] !== undefined && !betas.includes(beta),
  );
  if (gated.length > 0) throw malformedInput(gated.map(([f]) => `#: extraneous key [${f}] is not permitted`));
  asArray(body.tools).forEach((t, i) => {
    const extra = Object.keys(t).find((k) => !TOOL_KEYS.has(k));
    if (extra) throw validationError(extraInput(`tools.${i}.custom.${extra}`));
  });
  const thinking = body.thinking as Json | undefined;
  if (thinking) {
    const allowed = chat.adaptiveThinking ? ['enabled', 'disabled', 'adaptive'] : ['enabled', 'disabled'];
    const type = String(thinking.type);
    if (!allowed.includes(type)) throw validationError(thinkingTypeUnknown(type, allowed));
    const extra = Object.keys(thinking).find((k) => !THINKING_KEYS[type].has(k));
    if (extra) throw validationError(extraInput(`thinking.${type}.${extra}`));
  }
  const max = body.max_tokens as number;
  if (max > chat.maxOutputTokens) throw validationError(maxTokensAboveLimit(max, chat.maxOutputTokens, name));
}
