import type { TokenUsage } from '@aws-sdk/client-bedrock-runtime';
import type { ResponseUsage } from '../dto/response-object.types';

/**
 * Bedrock usage → Responses usage, counted as chat completions count it (see convert-usage.ts): cached reads
 * and writes are part of `input_tokens`, reads are `cached_tokens`. Bedrock does not report reasoning tokens
 * apart from output tokens, and the schema requires a number, so `reasoning_tokens` is an estimate from the
 * reasoning text (about four characters a token), never more than the output tokens.
 */
export function mapUsage(usage: TokenUsage | undefined, reasoningChars: number): ResponseUsage {
  const cacheRead = usage?.cacheReadInputTokens ?? 0;
  const cacheWrite = usage?.cacheWriteInputTokens ?? 0;
  const input = (usage?.inputTokens ?? 0) + cacheRead + cacheWrite;
  const output = usage?.outputTokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: cacheRead, cache_write_tokens: cacheWrite },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: Math.min(output, Math.ceil(reasoningChars / 4)) },
    total_tokens: input + output,
  };
}
