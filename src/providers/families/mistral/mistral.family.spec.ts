import { chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;

describe('mistral family', () => {
  it('folds the system prompt into the first user turn for Mistral 7B and keeps it for Mistral Large', () => {
    const req = chat([
      { role: 'system', content: 'be terse' },
      { role: 'user', content: 'hi' },
    ]);
    const small = build(req, contextFor('mistral.mistral-7b-instruct-v0:2'));
    expect(small.system).toBeUndefined();
    expect(small.messages?.[0].content).toEqual([{ text: 'be terse' }, { text: 'hi' }]);
    expect(build(req, contextFor('mistral.mistral-large-2402-v1:0')).system).toEqual([{ text: 'be terse' }]);
  });

  it('forces a named tool on Mistral Large by offering only it with toolChoice any', () => {
    const out = build(
      chat([{ role: 'user', content: 'x' }], {
        tools: [
          { type: 'function', function: { name: 'a' } },
          { type: 'function', function: { name: 'b' } },
        ],
        tool_choice: { type: 'function', function: { name: 'b' } },
      }),
      contextFor('mistral.mistral-large-2402-v1:0'),
    );
    expect(out.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'b', inputSchema: { json: { type: 'object', properties: {} } } } }],
      toolChoice: { any: {} },
    });
  });
});
