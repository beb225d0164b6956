import { chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;

describe('deepseek family', () => {
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
