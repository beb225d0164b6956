import type { ChatCapabilities } from '../../../../catalog/model-capabilities.types';
import type { ClaudeNativeProfile } from './claude-native.profiles';
import { prepareTools } from './claude-native.tools';

type Json = Record<string, unknown>;

/** Thinking budget per effort level where the model has no adaptive thinking. Bedrock's minimum is 1,024. */
const EFFORT_BUDGETS: Record<string, number> = { low: 2048, medium: 8192, high: 16384, max: 32000 };
const MIN_BUDGET = 1024;

/** Sent as they are (after the checks below). */
const PLAIN_FIELDS = ['temperature', 'top_p', 'top_k', 'stop_sequences', 'tool_choice'];
/** Routing members of the client's request, not part of the model's body. */
const ROUTING_FIELDS = new Set(['model', 'stream']);
const HANDLED = new Set([
  ...PLAIN_FIELDS,
  'max_tokens',
  'messages',
  'system',
  'tools',
  'thinking',
  'metadata',
  'output_config',
  'context_management',
  'anthropic_beta',
]);

export interface NativeBodyInput {
  body: Json;
  /** Betas from the `anthropic-beta` header (the body's `anthropic_beta` is read too). */
  betas: readonly string[];
  profile: ClaudeNativeProfile;
  chat: Pick<ChatCapabilities, 'reasoning' | 'promptCaching'>;
}

export interface NativeBody {
  body: Json;
  /** What was left out or changed, for the debug log (never an error: the client did not depend on it). */
  notes: string[];
}

function requestedBetas(input: NativeBodyInput): string[] {
  const fromBody = Array.isArray(input.body.anthropic_beta) ? (input.body.anthropic_beta as string[]) : [];
  return [...new Set([...input.betas, ...fromBody])];
}

function stripCacheControl(blocks: Json[]): Json[] {
  return blocks.map((b) => {
    if (!b || typeof b !== 'object' || !('cache_control' in b)) return b;
    const { cache_control: _drop, ...rest } = b;
    return rest;
  });
}

function stripMessageCaching(messages: Json[]): Json[] {
  return messages.map((m) =>
    Array.isArray(m.content) ? { ...m, content: stripCacheControl(m.content as Json[]) } : m,
  );
}

/**
 * The client's Anthropic Messages body → the body Bedrock's InvokeModel takes for this Claude model
 * (`anthropic_version: "bedrock-2023-05-31"`, betas in `anthropic_beta`). What Bedrock accepts for the model
 * is kept; what has a Bedrock equivalent is translated (adaptive thinking → a budget, effort → a budget,
 * system-role messages → the system prompt, `max_tokens` → at most the model's limit); anything else is left
 * out and noted. Only a server tool the client relies on is refused (prepareTools).
 */
export function buildClaudeNativeBody(input: NativeBodyInput): NativeBody {
  const { body: req, profile, chat } = input;
  const notes: string[] = [];
  const accepted = new Set(profile.betas);
  const betas = new Set<string>();
  for (const beta of requestedBetas(input)) {
    if (accepted.has(beta)) betas.add(beta);
    else notes.push(`beta ${beta}`);
  }
  const out: Json = { anthropic_version: 'bedrock-2023-05-31' };

  const limit =
    profile.extendedOutputTokens && betas.has('output-128k-2025-02-19')
      ? profile.extendedOutputTokens
      : profile.maxOutputTokens;
  const maxTokens = Math.min(req.max_tokens as number, limit);
  if (maxTokens < (req.max_tokens as number))
    notes.push(`max_tokens ${String(req.max_tokens)} → ${maxTokens}`);
  out.max_tokens = maxTokens;

  // System-role messages were folded into `system` by the dialect (anthropic/request/fold-system-messages.ts).
  const caching = chat.promptCaching;
  const system =
    typeof req.system === 'string'
      ? [{ type: 'text', text: req.system }]
      : (req.system as Json[] | undefined);
  if (system && system.length > 0) out.system = caching ? system : stripCacheControl(system);
  out.messages = caching ? req.messages : stripMessageCaching(req.messages as Json[]);
  if (!caching) notes.push('cache_control (no prompt caching on this model)');

  for (const field of PLAIN_FIELDS)
    if (req[field] !== undefined && req[field] !== null) out[field] = req[field]; // null: not set
  if (Array.isArray(req.tools) && req.tools.length > 0) {
    const tools = prepareTools(req.tools as Json[], [...betas], caching);
    out.tools = tools.tools;
    notes.push(...tools.dropped);
  }
  const userId = (req.metadata as Json | undefined)?.user_id;
  if (typeof userId === 'string') out.metadata = { user_id: userId };

  const effort = (req.output_config as Json | undefined)?.effort as string | undefined;
  applyThinking(out, req.thinking as Json | undefined, effort, input, notes);
  if (
    effort !== undefined &&
    (profile.effort === 'native' || (profile.effort === 'beta' && accepted.has('effort-2025-11-24')))
  ) {
    out.output_config = { effort };
    if (profile.effort === 'beta') betas.add('effort-2025-11-24');
  } else if (effort !== undefined) notes.push(`output_config.effort ${effort}`);

  if (req.context_management !== undefined && req.context_management !== null) {
    if (accepted.has('context-management-2025-06-27')) {
      out.context_management = req.context_management;
      betas.add('context-management-2025-06-27');
    } else notes.push('context_management');
  }
  for (const key of Object.keys(req)) if (!HANDLED.has(key) && !ROUTING_FIELDS.has(key)) notes.push(key);
  if (betas.size > 0) out.anthropic_beta = [...betas];
  return { body: out, notes };
}

/**
 * `thinking` as the model takes it: adaptive stays adaptive where native, else becomes `enabled` with a budget
 * from the effort (medium by default) below `max_tokens`; a model without extended thinking gets none.
 */
function applyThinking(
  out: Json,
  thinking: Json | undefined,
  effort: string | undefined,
  input: NativeBodyInput,
  notes: string[],
): void {
  if (!thinking) return;
  if (input.chat.reasoning !== 'claude-thinking') {
    notes.push(`thinking ${String(thinking.type)} (model has no extended thinking)`);
    return;
  }
  const maxTokens = out.max_tokens as number;
  if (thinking.type === 'disabled') out.thinking = { type: 'disabled' };
  else if (thinking.type === 'adaptive' && input.profile.adaptiveThinking)
    out.thinking = { type: 'adaptive' };
  else {
    const wanted =
      thinking.type === 'enabled' && typeof thinking.budget_tokens === 'number'
        ? thinking.budget_tokens
        : (EFFORT_BUDGETS[effort ?? 'medium'] ?? EFFORT_BUDGETS.medium);
    const budget = Math.min(wanted, maxTokens - 1);
    if (budget < MIN_BUDGET) {
      notes.push(`thinking (max_tokens ${maxTokens} leaves no room for a ${MIN_BUDGET}-token budget)`);
      return;
    }
    if (budget !== wanted || thinking.type !== 'enabled')
      notes.push(`thinking ${String(thinking.type)} → budget ${budget}`);
    out.thinking = { type: 'enabled', budget_tokens: budget };
  }
  const extra = Object.keys(thinking).filter((k) => k !== 'type' && k !== 'budget_tokens');
  if (extra.length > 0) notes.push(...extra.map((k) => `thinking.${k}`));
}
