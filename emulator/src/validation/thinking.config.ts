/**
 * Claude extended thinking as requested through `additionalModelRequestFields`. AWS material uses both
 * `thinking` and `reasoning_config` for the same object (docs/bedrock-protocol.md §9), so both are read.
 */
export interface ThinkingConfig {
  key: 'thinking' | 'reasoning_config';
  budgetTokens: number;
}

export function readThinkingConfig(fields: unknown): ThinkingConfig | undefined {
  if (typeof fields !== 'object' || fields === null) return undefined;
  for (const key of ['thinking', 'reasoning_config'] as const) {
    const value = (fields as Record<string, unknown>)[key];
    if (typeof value !== 'object' || value === null) continue;
    const config = value as Record<string, unknown>;
    if (config.type !== 'enabled') continue;
    const budget = typeof config.budget_tokens === 'number' ? config.budget_tokens : 0;
    return { key, budgetTokens: budget };
  }
  return undefined;
}
