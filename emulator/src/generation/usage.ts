import type { CacheUsage } from './cache.accounting';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
  cacheDetails?: { ttl: string; inputTokens: number }[];
}

/**
 * Converse usage: `inputTokens` excludes cached tokens and `totalTokens` adds everything (docs/bedrock-protocol.md §3.2).
 * Cache members appear only when the request used cache points.
 */
export function buildUsage(promptTokens: number, outputTokens: number, cache?: CacheUsage): TokenUsage {
  if (!cache) return { inputTokens: promptTokens, outputTokens, totalTokens: promptTokens + outputTokens };
  const inputTokens = promptTokens - cache.read - cache.write;
  const usage: TokenUsage = {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens + cache.read + cache.write,
    cacheReadInputTokens: cache.read,
    cacheWriteInputTokens: cache.write,
  };
  if (cache.details) usage.cacheDetails = cache.details;
  return usage;
}

/** A nominal, deterministic latency; the protocol layer may report real timings instead. */
export function nominalLatencyMs(outputTokens: number): number {
  return 100 + outputTokens;
}
