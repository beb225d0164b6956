import { bedrockTemperature } from '../bedrock-temperature';
import type { ContentBlock, ConverseStreamOutput, TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { InferenceParams, InferenceRequest } from '../../inference/inference-request';
import type {
  Completion,
  CompletionFinishReason,
  CompletionRequest,
  CompletionUsage,
} from './completion.types';

/** The prompts of a request, in order (one string or a list). */
export const promptsOf = (req: CompletionRequest): string[] =>
  typeof req.prompt === 'string' ? [req.prompt] : req.prompt;

function params(req: CompletionRequest): InferenceParams {
  const out: InferenceParams = {};
  if (req.max_tokens != null) out.maxTokens = req.max_tokens;
  const temperature = bedrockTemperature(req.temperature);
  if (temperature !== undefined) out.temperature = temperature;
  if (req.top_p != null) out.topP = req.top_p;
  const stops = (typeof req.stop === 'string' ? [req.stop] : (req.stop ?? [])).filter((s) => s.length > 0);
  if (stops.length > 0) out.stopSequences = stops;
  return out;
}

/**
 * One prompt of a legacy completions request → the internal request: the prompt as written (prompt families
 * send it verbatim; chat-only families get it as one user turn), always through the family's native API.
 */
export function toInferenceRequest(req: CompletionRequest, prompt: string): InferenceRequest {
  const out: InferenceRequest = {
    model: req.model,
    system: [],
    messages: [],
    inference: params(req),
    prompt: req.suffix != null ? { text: prompt, suffix: req.suffix } : { text: prompt },
  };
  if (req.user) out.metadata = { user: req.user };
  return out;
}

/** Converse stopReason → the legacy API's finish_reason. */
export function finishReason(stopReason: string | undefined): CompletionFinishReason {
  if (stopReason === 'max_tokens' || stopReason === 'model_context_window_exceeded') return 'length';
  if (stopReason === 'content_filtered' || stopReason === 'guardrail_intervened') return 'content_filter';
  return 'stop';
}

/** The answer's text (a reasoning model's chain of thought is not part of a completion). */
export const completionText = (content: ContentBlock[]): string => content.map((b) => b.text ?? '').join('');

export function toUsage(usage: TokenUsage | undefined): CompletionUsage {
  const prompt =
    (usage?.inputTokens ?? 0) + (usage?.cacheReadInputTokens ?? 0) + (usage?.cacheWriteInputTokens ?? 0);
  const completion = usage?.outputTokens ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function sumUsage(usages: CompletionUsage[]): CompletionUsage {
  return usages.reduce(
    (a, u) => ({
      prompt_tokens: a.prompt_tokens + u.prompt_tokens,
      completion_tokens: a.completion_tokens + u.completion_tokens,
      total_tokens: a.total_tokens + u.total_tokens,
    }),
    { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  );
}

/** Identity shared by a response and all its chunks. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

export function chunk(
  meta: CompletionMeta,
  index: number,
  text: string,
  finish: CompletionFinishReason | null,
  includeUsage: boolean,
): Completion {
  const out: Completion = {
    id: meta.id,
    object: 'text_completion',
    created: meta.created,
    model: meta.model,
    choices: [{ text, index, logprobs: null, finish_reason: finish }],
  };
  if (includeUsage) out.usage = null;
  return out;
}

/** What one stream event adds to a choice: text, the end, or the usage. */
export function streamPiece(
  event: ConverseStreamOutput,
): { text: string } | { finish: CompletionFinishReason } | { usage: CompletionUsage } | undefined {
  const text = event.contentBlockDelta?.delta?.text;
  if (text) return { text };
  if (event.messageStop) return { finish: finishReason(event.messageStop.stopReason) };
  if (event.metadata) return { usage: toUsage(event.metadata.usage) };
  return undefined;
}
