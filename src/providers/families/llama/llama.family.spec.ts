import { PNG_DATA_URL, chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;
const tools = [{ type: 'function' as const, function: { name: 'f' } }];

describe('llama family', () => {
  it('sends tools with auto choice, but refuses required (Llama takes only auto)', () => {
    const ctx = contextFor('meta.llama3-1-70b-instruct-v1:0');
    expect(build(chat([{ role: 'user', content: 'x' }], { tools }), ctx).toolConfig?.toolChoice).toEqual({
      auto: {},
    });
    expect(() =>
      build(chat([{ role: 'user', content: 'x' }], { tools, tool_choice: 'required' }), ctx),
    ).toThrow(/does not support tool_choice 'required'/);
  });

  it('takes images on Llama 3.2 11B only', () => {
    const req = chat([{ role: 'user', content: [{ type: 'image_url', image_url: { url: PNG_DATA_URL } }] }]);
    expect(
      build(req, contextFor('us.meta.llama3-2-11b-instruct-v1:0')).messages?.[0].content?.[0],
    ).toHaveProperty('image');
    expect(() => build(req, contextFor('meta.llama3-1-70b-instruct-v1:0'))).toThrow(/image input/);
  });
});
