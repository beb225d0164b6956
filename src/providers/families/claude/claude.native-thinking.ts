import type { Message } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { invalidRequest } from '../../../common/errors/api-error';
import type { InferenceRequest } from '../../../inference/inference-request';
import { rejectReasoning, wantsReasoning } from '../../native/native-request';
import { THINKING_BUDGETS } from './claude-thinking';

type Json = Record<string, unknown>;

const MIN_BUDGET = 1024;
/** Room left for the answer itself when the client set no max_tokens. */
const ANSWER_ROOM = 4096;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The thinking switch the request asks for, or undefined for none. */
function requested(req: InferenceRequest, maxTokens: number | undefined): { budget: number } | undefined {
  // A client's own `thinking` object (or Bedrock Access Gateway's `reasoning_config`) wins over intents.
  const own = req.passThrough?.thinking ?? req.passThrough?.reasoning_config;
  if (isObject(own)) return own.type === 'enabled' ? { budget: Number(own.budget_tokens) } : undefined;
  const r = req.reasoning;
  if (!r || r.mode === 'disabled') return undefined;
  // `minimal` still thinks on Claude, with the smallest budget (as on the Converse path).
  if (!wantsReasoning(req) && r.effort !== 'minimal') return undefined;
  if (r.budgetTokens !== undefined) return { budget: r.budgetTokens };
  const budget = THINKING_BUDGETS[r.effort ?? 'medium'];
  if (maxTokens !== undefined && maxTokens <= MIN_BUDGET) {
    throw invalidRequest(
      `Claude needs max_tokens above ${MIN_BUDGET} to reason (its minimum thinking budget); raise max_tokens (${maxTokens}) or leave out the reasoning request.`,
      'max_tokens',
      'integer_below_min_value',
    );
  }
  // OpenAI counts reasoning inside the token limit; Claude's budget must stay below max_tokens.
  return { budget: maxTokens === undefined ? budget : Math.min(budget, maxTokens - 1) };
}

/** Claude refuses thinking when the last assistant turn used tools but does not open with its signed thinking. */
function historyLacksThinking(messages: Message[]): boolean {
  const lastAssistant = [...messages].reverse().find((m) => m.role === 'assistant');
  const content = lastAssistant?.content ?? [];
  return content.some((b) => b.toolUse) && !content[0]?.reasoningContent;
}

/**
 * Extended thinking in the native body, under the same rules as the Converse path (claude-thinking.ts):
 * a budget per reasoning effort, max_tokens raised to leave room for the answer, sampling settings dropped
 * (thinking takes no top_p/top_k and only temperature 1), a forced tool refused, and a tool turn whose signed
 * thinking was not sent back answered without thinking rather than refused by Claude.
 */
export function applyNativeThinking(
  body: Json,
  req: InferenceRequest,
  model: ResolvedModel,
  messages: Message[],
): void {
  delete body.thinking;
  delete body.reasoning_config;
  if (model.profile.chat.reasoning !== 'claude-thinking') {
    rejectReasoning(req, model);
    return;
  }
  const maxTokens = req.inference.maxTokens;
  const thinking = requested(req, maxTokens);
  if (!thinking || historyLacksThinking(messages)) return;
  const choice = req.tools?.choice;
  if (typeof choice === 'object' || choice === 'any') {
    throw invalidRequest(
      `The model '${model.requested}' cannot reason while it is forced to call a tool; use tool_choice 'auto' or leave out reasoning.`,
      'tool_choice',
      'unsupported_combination',
    );
  }
  body.thinking = { type: 'enabled', budget_tokens: thinking.budget };
  if (maxTokens === undefined) body.max_tokens = thinking.budget + ANSWER_ROOM;
  delete body.top_p;
  delete body.top_k;
  if (body.temperature !== undefined && body.temperature !== 1) delete body.temperature;
}
