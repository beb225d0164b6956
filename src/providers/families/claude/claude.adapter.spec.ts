import { chat, contextFor, PNG_DATA_URL } from '../../testing/mapping-context.fixture';
import { ClaudeAdapter } from './claude.adapter';

const adapter = new ClaudeAdapter();
const build = (...args: Parameters<ClaudeAdapter['buildConverseRequest']>) =>
  adapter.buildConverseRequest(...args).input;
const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0');

describe('ClaudeAdapter', () => {
  it('sends system, images, tools with a forced tool choice, and Anthropic beta flags from the body', () => {
    const req = chat(
      [
        { role: 'system', content: 'sys' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: PNG_DATA_URL } },
          ],
        },
      ],
      {
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
        tool_choice: { type: 'function', function: { name: 'f' } },
      },
    );
    (req as unknown as Record<string, unknown>).anthropic_beta = ['token-efficient-tools-2025-02-19'];
    const out = build(req, ctx);
    expect(out.modelId).toBe('anthropic.claude-3-haiku-20240307-v1:0');
    expect(out.system).toEqual([{ text: 'sys' }]);
    expect(out.messages?.[0].content?.map((b) => Object.keys(b)[0])).toEqual(['text', 'image']);
    expect(out.toolConfig?.toolChoice).toEqual({ tool: { name: 'f' } });
    expect(out.additionalModelRequestFields).toEqual({
      anthropic_beta: ['token-efficient-tools-2025-02-19'],
    });
  });

  it('returns signed thinking blocks so the next turn can carry them back', () => {
    const out = adapter.toChatCompletion(
      {
        output: {
          message: {
            role: 'assistant',
            content: [{ reasoningContent: { reasoningText: { text: 't', signature: 's' } } }, { text: 'a' }],
          },
        },
        stopReason: 'end_turn',
        usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
        metrics: { latencyMs: 1 },
      },
      { id: 'i', created: 1, model: 'claude' },
    );
    const back = build(
      chat([
        { role: 'user', content: 'q' },
        { ...out.choices[0].message, role: 'assistant', refusal: undefined },
        { role: 'user', content: 'more' },
      ]),
      contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0'),
    );
    expect(back.messages?.[1].content?.[0]).toEqual({
      reasoningContent: { reasoningText: { text: 't', signature: 's' } },
    });
  });
});
