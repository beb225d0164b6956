import type { ConverseRequest } from '@aws-sdk/client-bedrock-runtime';
import { contextFor } from '../../../../test/support/fixtures/mapping-context.fixture';
import type { InferenceRequest, ReasoningEffort } from '../../../inference/inference-request';
import { applyClaudeThinking } from './claude-thinking';

const { model } = contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
const asked = (effort?: ReasoningEffort): InferenceRequest => ({
  model: 'm',
  system: [],
  messages: [],
  inference: {},
  ...(effort ? { reasoning: { effort } } : {}),
});
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
    applyClaudeThinking(r, asked(effort), model);
    expect(r.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: budget } });
    expect(r.inferenceConfig?.maxTokens).toBe(budget + 4096);
  });

  it('leaves temperature 1 alone and drops other sampling settings', () => {
    const r = { ...base(), inferenceConfig: { maxTokens: 5000, temperature: 1, topP: 0.9 } };
    applyClaudeThinking(r, asked('low'), model);
    expect(r.inferenceConfig).toEqual({ maxTokens: 5000, temperature: 1 });
  });

  it("honours a client's own thinking switch, also in Bedrock Access Gateway's reasoning_config spelling", () => {
    const r = {
      ...base(),
      additionalModelRequestFields: { reasoning_config: { type: 'enabled', budget_tokens: 3000 } },
    };
    applyClaudeThinking(r, asked(), model);
    expect(r.additionalModelRequestFields).toEqual({
      reasoning_config: { type: 'enabled', budget_tokens: 3000 },
    });
  });

  it('does nothing without reasoning', () => {
    const r = base();
    applyClaudeThinking(r, asked(), model);
    expect(r).toEqual(base());
  });
});
