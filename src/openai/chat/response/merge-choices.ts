import type { ChatCompletion, CompletionUsage } from '../chat-response.types';

/** Usage of several Bedrock calls made for one request (n > 1): each call's prompt is billed, so all add up. */
export function sumUsage(usages: CompletionUsage[]): CompletionUsage {
  const total: CompletionUsage = {
    prompt_tokens: 0,
    completion_tokens: 0,
    total_tokens: 0,
    prompt_tokens_details: { cached_tokens: 0 },
  };
  let writes = 0;
  let reasoningKnown = true;
  for (const u of usages) {
    total.prompt_tokens += u.prompt_tokens;
    total.completion_tokens += u.completion_tokens;
    total.total_tokens += u.total_tokens;
    total.prompt_tokens_details!.cached_tokens += u.prompt_tokens_details?.cached_tokens ?? 0;
    writes += u.prompt_tokens_details?.cache_write_tokens ?? 0;
    reasoningKnown &&= u.completion_tokens_details !== undefined;
  }
  if (writes > 0) total.prompt_tokens_details!.cache_write_tokens = writes;
  if (reasoningKnown) total.completion_tokens_details = { reasoning_tokens: 0 };
  return total;
}

/** n completions of one request → one response with n choices (index 0…n-1) and the summed usage. */
export function mergeChoices(completions: ChatCompletion[]): ChatCompletion {
  if (completions.length === 1) return completions[0];
  return {
    ...completions[0],
    choices: completions.map((c, index) => ({ ...c.choices[0], index })),
    usage: sumUsage(completions.map((c) => c.usage)),
  };
}
