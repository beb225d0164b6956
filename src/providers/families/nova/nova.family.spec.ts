import { PNG_DATA_URL, chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;

describe('nova family', () => {
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
