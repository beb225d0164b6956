import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { chat, contextFor } from '../../testing/mapping-context.fixture';
import { applyClaudeThinking } from './claude-thinking';

const ctx = contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
const base = (): ConverseRequest => ({
  modelId: 'm',
  messages: [{ role: 'user', content: [{ text: 'q' }] }],
});

describe('applyClaudeThinking', () => {
  it.each([
    ['minimal', 1024],
    ['low', 2048],
    ['medium', 8192],
    ['high', 16384],
  ] as const)('gives %s a budget of %i and room for the answer', (effort, budget) => {
    const r = base();
    applyClaudeThinking(r, chat([], { reasoning_effort: effort }), ctx);
    expect(r.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: budget } });
    expect(r.inferenceConfig?.maxTokens).toBe(budget + 4096);
  });

  it('leaves temperature 1 alone and drops other sampling settings', () => {
    const r = { ...base(), inferenceConfig: { maxTokens: 5000, temperature: 1, topP: 0.9 } };
    applyClaudeThinking(r, chat([], { reasoning_effort: 'low' }), ctx);
    expect(r.inferenceConfig).toEqual({ maxTokens: 5000, temperature: 1 });
  });

  it("honours a client's own thinking switch, also in Bedrock Access Gateway's reasoning_config spelling", () => {
    const r = {
      ...base(),
      additionalModelRequestFields: { reasoning_config: { type: 'enabled', budget_tokens: 3000 } },
    };
    applyClaudeThinking(r, chat([]), ctx);
    expect(r.additionalModelRequestFields).toEqual({
      reasoning_config: { type: 'enabled', budget_tokens: 3000 },
    });
  });

  it('does nothing without reasoning', () => {
    const r = base();
    applyClaudeThinking(r, chat([]), ctx);
    expect(r).toEqual(base());
  });
});
