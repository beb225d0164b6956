import { chat, contextFor, PNG_DATA_URL } from '../../testing/mapping-context.fixture';
import { NovaAdapter } from './nova.adapter';

const adapter = new NovaAdapter();
const build = (...args: Parameters<NovaAdapter['buildConverseRequest']>) =>
  adapter.buildConverseRequest(...args).input;

describe('NovaAdapter', () => {
  it('gives Nova Pro images and every tool choice, but refuses images for text-only Nova Micro', () => {
    const withImage = chat(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'image_url', image_url: { url: PNG_DATA_URL } },
          ],
        },
      ],
      {
        tools: [{ type: 'function', function: { name: 'f' } }],
        tool_choice: 'required',
      },
    );
    expect(build(withImage, contextFor('us.amazon.nova-pro-v1:0')).toolConfig?.toolChoice).toEqual({
      any: {},
    });
    expect(() => build(withImage, contextFor('amazon.nova-micro-v1:0'))).toThrow(
      /does not support image input/,
    );
  });
});
