import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { CompletionUsage } from '../chat-response.types';

/**
 * Bedrock usage → OpenAI usage. Bedrock's inputTokens exclude cached tokens (cache reads and writes are
 * reported apart), while OpenAI's prompt_tokens include them with cached_tokens as a detail, so they are
 * added back. Bedrock does not report reasoning tokens apart from output tokens, so `reasoning_tokens` is
 * only given when it is known to be 0 (no reasoning in the answer).
 */
export function convertUsage(usage: TokenUsage | undefined, hadReasoning: boolean): CompletionUsage {
  const input = usage?.inputTokens ?? 0;
  const output = usage?.outputTokens ?? 0;
  const cacheRead = usage?.cacheReadInputTokens ?? 0;
  const cacheWrite = usage?.cacheWriteInputTokens ?? 0;
  const prompt = input + cacheRead + cacheWrite;
  const result: CompletionUsage = {
    prompt_tokens: prompt,
    completion_tokens: output,
    total_tokens: prompt + output,
    prompt_tokens_details:
      cacheWrite > 0
        ? { cached_tokens: cacheRead, cache_write_tokens: cacheWrite }
        : { cached_tokens: cacheRead },
  };
  if (!hadReasoning) result.completion_tokens_details = { reasoning_tokens: 0 };
  return result;
}
