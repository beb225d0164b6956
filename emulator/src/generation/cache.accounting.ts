import { createHash } from 'node:crypto';
import type { EngineState } from '../engine/engine.types';
import type { PromptItem } from './tokens';

export interface CacheUsage {
  read: number;
  write: number;
  details?: { ttl: string; inputTokens: number }[];
}

interface Checkpoint {
  key: string;
  tokens: number;
  ttl: string;
}

/**
 * Prompt-cache accounting (docs/bedrock-protocol.md §9, §12). Each cache point closes a prefix; a prefix shorter than
 * the model's minimum caches nothing. The longest prefix already seen is read from the cache, and the
 * rest up to the last cache point is written. Prefixes are keyed by a hash of the model and the prefix
 * content, so changing anything before a cache point misses.
 */
export function accountCache(
  items: PromptItem[],
  modelId: string,
  minTokens: number,
  state: EngineState,
): CacheUsage {
  const checkpoints: Checkpoint[] = [];
  const hash = createHash('sha256').update(modelId);
  let tokens = 0;
  for (const item of items) {
    hash.update(JSON.stringify(item.value) ?? '');
    tokens += item.tokens;
    if (item.cacheTtl && tokens >= minTokens) {
      checkpoints.push({ key: hash.copy().digest('base64'), tokens, ttl: item.cacheTtl });
    }
  }
  if (checkpoints.length === 0) return { read: 0, write: 0 };

  let read = 0;
  for (const c of checkpoints) if (state.cachePrefixes.has(c.key)) read = Math.max(read, c.tokens);
  const last = checkpoints[checkpoints.length - 1];
  const write = last.tokens - read;
  for (const c of checkpoints) state.cachePrefixes.set(c.key, c.tokens);
  return write > 0 ? { read, write, details: [{ ttl: last.ttl, inputTokens: write }] } : { read, write };
}
