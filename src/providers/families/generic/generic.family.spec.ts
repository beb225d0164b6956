import { PNG_DATA_URL, chat, contextFor, converseFor } from '../../../../test/support/fixtures/mapping-context.fixture';

const build = (...args: Parameters<typeof converseFor>) => converseFor(...args).input;

describe('generic family', () => {
  it('sends an unknown model what the client asked for and leaves the judgement to Bedrock', () => {
    const out = build(
      chat(
        [
          { role: 'system', content: 's' },
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
          temperature: 0.4,
          top_p: 0.5,
        },
      ),
      contextFor('writer.palmyra-x5-v1:0'),
    );
    expect(out.system).toEqual([{ text: 's' }]);
    expect(out.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(out.inferenceConfig).toEqual({ temperature: 0.4, topP: 0.5 });
    expect(out.messages?.[0].content).toHaveLength(2);
  });
});
