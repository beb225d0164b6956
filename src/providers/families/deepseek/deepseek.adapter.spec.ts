import { chat, contextFor } from '../../testing/mapping-context.fixture';
import { DeepSeekAdapter } from './deepseek.adapter';

const adapter = new DeepSeekAdapter();
const build = (...args: Parameters<DeepSeekAdapter['buildConverseRequest']>) =>
  adapter.buildConverseRequest(...args).input;

describe('DeepSeekAdapter', () => {
  it("surfaces R1's reasoning as reasoning_content, not as <think> text in content", () => {
    const out = adapter.toChatCompletion(
      {
        output: {
          message: {
            role: 'assistant',
            content: [{ reasoningContent: { reasoningText: { text: 'hmm' } } }, { text: '42' }],
          },
        },
        stopReason: 'end_turn',
        usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
        metrics: { latencyMs: 1 },
      },
      { id: 'i', created: 1, model: 'us.deepseek.r1-v1:0' },
    );
    expect(out.choices[0].message).toMatchObject({ content: '42', reasoning_content: 'hmm' });
    expect(out.choices[0].message.content).not.toContain('think');
  });

  it('does not send earlier reasoning back, and refuses tools on R1', () => {
    const ctx = contextFor('us.deepseek.r1-v1:0');
    const out = build(
      chat([
        { role: 'user', content: 'q' },
        {
          role: 'assistant',
          content: '42',
          reasoning_content: 'hmm',
          reasoning_details: [{ type: 'reasoning.text', text: 'hmm' }],
        },
        { role: 'user', content: 'why?' },
      ]),
      ctx,
    );
    expect(out.messages?.[1]).toEqual({ role: 'assistant', content: [{ text: '42' }] });
    expect(() =>
      build(
        chat([{ role: 'user', content: 'q' }], { tools: [{ type: 'function', function: { name: 'f' } }] }),
        ctx,
      ),
    ).toThrow(/tool calling/);
  });
});
