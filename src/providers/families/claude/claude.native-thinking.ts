import type { Message } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { InferenceRequest } from '../../../inference/inference-request';
import { rejectReasoning } from '../../native/native-request';
import { ANSWER_ROOM, forcedToolRefusal, historyLacksThinking, thinkingBudget } from './claude-thinking';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The budget the request asks for: the client's own `thinking` object wins over the reasoning intent. */
function requested(req: InferenceRequest, maxTokens: number | undefined): number | undefined {
  // Bedrock Access Gateway clients spell it `reasoning_config`.
  const own = req.passThrough?.thinking ?? req.passThrough?.reasoning_config;
  if (isObject(own)) return own.type === 'enabled' ? Number(own.budget_tokens) : undefined;
  return thinkingBudget(req, maxTokens);
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
  const budget = requested(req, maxTokens);
  if (budget === undefined || historyLacksThinking(messages)) return;
  const choice = req.tools?.choice;
  if (typeof choice === 'object' || choice === 'any') throw forcedToolRefusal(req, model);
  body.thinking = { type: 'enabled', budget_tokens: budget };
  if (maxTokens === undefined) body.max_tokens = budget + ANSWER_ROOM;
  delete body.top_p;
  delete body.top_k;
  if (body.temperature !== undefined && body.temperature !== 1) delete body.temperature;
}
