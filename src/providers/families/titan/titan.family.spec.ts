import { chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;
const ctx = contextFor('amazon.titan-text-express-v1');

describe('titan family', () => {
  it('moves system text into the first user turn (Titan Text rejects a system field)', () => {
    const out = build(
      chat(
        [
          { role: 'developer', content: 'rules' },
          { role: 'user', content: 'q' },
        ],
        { max_tokens: 100 },
      ),
      ctx,
    );
    expect(out).toEqual({
      modelId: 'amazon.titan-text-express-v1',
      messages: [{ role: 'user', content: [{ text: 'rules' }, { text: 'q' }] }],
      inferenceConfig: { maxTokens: 100 },
    });
  });

  it('refuses tools, naming the model', () => {
    expect(() =>
      build(
        chat([{ role: 'user', content: 'q' }], { tools: [{ type: 'function', function: { name: 'f' } }] }),
        ctx,
      ),
    ).toThrow("The model 'amazon.titan-text-express-v1' does not support tool calling.");
  });
});
