import { PNG_DATA_URL, chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;
const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0');

describe('claude family', () => {
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

  it('sends the signed thinking blocks a client carried back to a thinking model', () => {
    const back = build(
      chat([
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: 'a',
          reasoning_details: [{ type: 'reasoning.text', text: 't', signature: 's' }],
        },
        { role: 'user', content: 'more' },
      ]),
      contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0'),
    );
    expect(back.messages?.[1].content?.[0]).toEqual({
      reasoningContent: { reasoningText: { text: 't', signature: 's' } },
    });
  });
});
