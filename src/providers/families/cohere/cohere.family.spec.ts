import { chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;

describe('cohere family', () => {
  it('sends tools without a toolChoice field, which Command R does not take', () => {
    const out = build(
      chat([{ role: 'user', content: 'q' }], { tools: [{ type: 'function', function: { name: 'search' } }] }),
      contextFor('cohere.command-r-plus-v1:0'),
    );
    expect(out.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'search', inputSchema: { json: { type: 'object', properties: {} } } } }],
    });
  });
});
