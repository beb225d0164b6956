import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { invalidRequest } from '../../../common/errors/api-error';
import {
  fieldName,
  type InferenceRequest,
  type ReasoningEffort,
} from '../../../inference/inference-request';
import type { JsonDocument } from '../../converse/request-settings';

/** Thinking budget per reasoning effort, in tokens. Bedrock's minimum is 1,024 (docs/bedrock-protocol.md, "Claude on Converse"). */
export const THINKING_BUDGETS: Record<ReasoningEffort, number> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
};
const MIN_BUDGET = 1024;
/** Room left for the answer itself when the client set no max_tokens. */
const ANSWER_ROOM = 4096;

interface Thinking {
  type?: string;
  budget_tokens?: number;
}

/** The budget the reasoning intent asks for: explicit, from an effort level, or a middle one for `adaptive`. */
function requestedBudget(req: InferenceRequest): number | undefined {
  const r = req.reasoning;
  if (!r || r.mode === 'disabled') return undefined;
  if (r.budgetTokens !== undefined) return r.budgetTokens;
  if (r.effort) return THINKING_BUDGETS[r.effort];
  return r.mode ? THINKING_BUDGETS.medium : undefined;
}

/**
 * The thinking switch in effect: one the client passed through (`thinking`, or Bedrock Access Gateway's
 * `reasoning_config` object), else one made from the reasoning intent.
 */
function thinkingFor(
  request: ConverseRequest,
  req: InferenceRequest,
  fields: Record<string, unknown>,
): { key: string; thinking: Thinking } | undefined {
  if (typeof fields.thinking === 'object' && fields.thinking)
    return { key: 'thinking', thinking: fields.thinking as Thinking };
  if (typeof fields.reasoning_config === 'object' && fields.reasoning_config)
    return { key: 'reasoning_config', thinking: fields.reasoning_config as Thinking };
  let budget = requestedBudget(req);
  if (budget === undefined) return undefined;
  const config = (request.inferenceConfig ??= {});
  if (config.maxTokens === undefined) {
    config.maxTokens = budget + ANSWER_ROOM;
  } else if (config.maxTokens <= MIN_BUDGET) {
    throw invalidRequest(
      `Claude needs ${fieldName(req, 'maxTokens')} above ${MIN_BUDGET} to reason (its minimum thinking budget); raise ${fieldName(req, 'maxTokens')} (${config.maxTokens}) or leave out ${fieldName(req, 'reasoning')}.`,
      fieldName(req, 'maxTokens'),
      'integer_below_min_value',
    );
  } else {
    // OpenAI counts reasoning inside max_completion_tokens; Claude's budget must stay below max_tokens.
    budget = Math.min(budget, config.maxTokens - 1);
  }
  return { key: 'thinking', thinking: { type: 'enabled', budget_tokens: budget } };
}

/** Claude rejects thinking when the last assistant turn used tools but does not start with its signed thinking. */
function historyLacksThinking(request: ConverseRequest): boolean {
  const lastAssistant = [...(request.messages ?? [])].reverse().find((m) => m.role === 'assistant');
  const content = lastAssistant?.content ?? [];
  return content.some((b) => b.toolUse) && !content[0]?.reasoningContent;
}

/**
 * Extended thinking on Claude 3.7 / 4.x. With thinking on, Claude takes no top_p and only temperature 1, and
 * cannot be forced to a tool (Anthropic's rules, docs/bedrock-protocol.md, "Claude on Converse"): sampling settings are dropped (the client asked
 * for reasoning, which needs that), a forced tool is a 400. When the client did not send back the signed
 * thinking of a tool-calling turn, Claude would refuse the request; that turn is answered without thinking.
 */
export function applyClaudeThinking(
  request: ConverseRequest,
  req: InferenceRequest,
  model: ResolvedModel,
): void {
  const fields = { ...((request.additionalModelRequestFields ?? {}) as Record<string, unknown>) };
  const found = thinkingFor(request, req, fields);
  if (!found || found.thinking.type !== 'enabled') return;
  if (historyLacksThinking(request)) {
    delete fields[found.key];
    if (Object.keys(fields).length > 0) request.additionalModelRequestFields = fields as JsonDocument;
    else delete request.additionalModelRequestFields;
    return;
  }
  const choice = request.toolConfig?.toolChoice;
  if (choice?.any || choice?.tool) {
    throw invalidRequest(
      `The model '${model.requested}' cannot reason while it is forced to call a tool; use tool_choice 'auto' or leave out reasoning.`,
      fieldName(req, 'toolChoice'),
      'unsupported_combination',
    );
  }
  fields[found.key] = found.thinking;
  request.additionalModelRequestFields = fields as JsonDocument;
  if (request.inferenceConfig) {
    delete request.inferenceConfig.topP;
    if (request.inferenceConfig.temperature !== undefined && request.inferenceConfig.temperature !== 1)
      delete request.inferenceConfig.temperature;
  }
}
