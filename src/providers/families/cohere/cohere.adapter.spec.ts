import { chat, contextFor } from '../../testing/mapping-context.fixture';
import { CohereAdapter } from './cohere.adapter';

const adapter = new CohereAdapter();
const build = (...args: Parameters<CohereAdapter['buildConverseRequest']>) =>
  adapter.buildConverseRequest(...args).input;

describe('CohereAdapter', () => {
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
