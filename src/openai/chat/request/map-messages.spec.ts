import {
  chat,
  contextFor,
  converseFor,
  internal,
  type MappingContext,
  PNG_DATA_URL,
} from '../../../../test/support/fixtures/mapping-context.fixture';
import type { ChatMessage } from '../chat-request.types';

/** The conversation Bedrock gets: this dialect's mapping, then the model's family (system folding and all). */
function mapMessages(messages: ChatMessage[], ctx: MappingContext) {
  const { input } = converseFor(chat(messages), ctx);
  return { system: input.system ?? [], messages: input.messages ?? [] };
}

/** The conversation as this dialect hands it to the middle (before any family rule). */
const dialect = (messages: ChatMessage[], ctx: MappingContext) => internal(chat(messages), ctx);

const claude = contextFor('anthropic.claude-3-haiku-20240307-v1:0');

describe('mapMessages', () => {
  it('collects system and developer text into system blocks, in order', () => {
    const out = mapMessages(
      [
        { role: 'system', content: 'a' },
        { role: 'user', content: 'q' },
        { role: 'developer', content: [{ type: 'text', text: 'b' }] },
      ],
      claude,
    );
    expect(out.system).toEqual([{ text: 'a' }, { text: 'b' }]);
    expect(out.messages).toEqual([{ role: 'user', content: [{ text: 'q' }] }]);
  });

  it('merges consecutive turns of one role and drops blank text, so Bedrock sees alternating turns', () => {
    const out = mapMessages(
      [
        { role: 'user', content: 'a' },
        { role: 'user', content: ' ' },
        { role: 'user', content: 'b' },
        { role: 'assistant', content: '' },
        { role: 'assistant', content: 'c' },
        { role: 'user', content: 'd' },
      ],
      claude,
    );
    expect(out.messages).toEqual([
      { role: 'user', content: [{ text: 'a' }, { text: 'b' }] },
      { role: 'assistant', content: [{ text: 'c' }] },
      { role: 'user', content: [{ text: 'd' }] },
    ]);
  });

  it('refuses a conversation that starts with the assistant, naming the message', () => {
    expect(() => mapMessages([{ role: 'assistant', content: 'hi' }], claude)).toThrow(
      expect.objectContaining({ status: 400, param: 'messages[0]' }),
    );
  });

  it('refuses a conversation with nothing to say', () => {
    expect(() =>
      mapMessages(
        [
          { role: 'system', content: 's' },
          { role: 'user', content: '' },
        ],
        claude,
      ),
    ).toThrow(expect.objectContaining({ status: 400, param: 'messages' }));
  });

  it('folds the system prompt into the first user turn for a model without system prompts', () => {
    const out = mapMessages(
      [
        { role: 'system', content: 'rules' },
        { role: 'user', content: 'q' },
      ],
      contextFor('amazon.titan-text-express-v1'),
    );
    expect(out).toEqual({
      system: [],
      messages: [{ role: 'user', content: [{ text: 'rules' }, { text: 'q' }] }],
    });
  });

  it('maps tool calls and tool results with their ids, merging consecutive results into one user turn', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'call 2!', type: 'function', function: { name: 'time', arguments: '' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
      { role: 'tool', tool_call_id: 'call 2!', content: [{ type: 'text', text: '12:00' }] },
    ];
    // Ids Bedrock would refuse are made valid on both sides by the Converse back-end.
    const tools = [{ type: 'function' as const, function: { name: 'weather' } }];
    const out = converseFor(chat(history, { tools }), claude).input;
    expect(dialect(history, claude).messages[1].content?.[2].toolUse?.toolUseId).toBe('call 2!');
    expect(out.messages![1]).toEqual({
      role: 'assistant',
      content: [
        { text: 'Checking.' },
        { toolUse: { toolUseId: 'call_1', name: 'weather', input: { city: 'Paris' } } },
        { toolUse: { toolUseId: 'call_2_', name: 'time', input: {} } },
      ],
    });
    expect(out.messages![2]).toEqual({
      role: 'user',
      content: [
        { toolResult: { toolUseId: 'call_1', content: [{ text: 'sunny' }] } },
        { toolResult: { toolUseId: 'call_2_', content: [{ text: '12:00' }] } },
      ],
    });
  });

  it('refuses tool-call arguments that are not a JSON object', () => {
    expect(() =>
      mapMessages(
        [
          { role: 'user', content: 'x' },
          {
            role: 'assistant',
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1' } }],
          },
        ],
        claude,
      ),
    ).toThrow(expect.objectContaining({ param: 'messages[1].tool_calls[0].function.arguments' }));
  });

  it('maps an inline image and follows a cache_control part with a cache point', () => {
    const out = dialect(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'see', cache_control: { type: 'ephemeral' } },
            { type: 'image_url', image_url: { url: PNG_DATA_URL } },
          ],
        },
      ],
      claude,
    );
    const content = out.messages[0].content!;
    expect(content[0]).toEqual({ text: 'see' });
    expect(content[1]).toEqual({ cachePoint: { type: 'default' } });
    expect(content[2].image?.format).toBe('png');
    expect(Buffer.from(content[2].image!.source!.bytes!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses an image for a model without vision', () => {
    expect(() =>
      mapMessages(
        [{ role: 'user', content: [{ type: 'image_url', image_url: { url: PNG_DATA_URL } }] }],
        contextFor('mistral.mistral-large-2402-v1:0'),
      ),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        message: "The model 'mistral.mistral-large-2402-v1:0' does not support image input.",
        param: 'messages[0].content[0]',
      }),
    );
  });

  it('sends signed reasoning back to Claude thinking models and leaves unsigned reasoning out', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: 'a',
        reasoning_details: [
          { type: 'reasoning.text', text: 'thought', signature: 'sig' },
          { type: 'reasoning.text', text: 'unsigned' },
          { type: 'reasoning.encrypted', data: Buffer.from('opaque').toString('base64') },
        ],
      },
      { role: 'user', content: 'next' },
    ];
    const thinking = mapMessages(history, contextFor('us.anthropic.claude-3-7-sonnet-20250219-v1:0'));
    expect(thinking.messages[1].content).toEqual([
      { reasoningContent: { reasoningText: { text: 'thought', signature: 'sig' } } },
      { reasoningContent: { redactedContent: Buffer.from('opaque') } },
      { text: 'a' },
    ]);
    expect(mapMessages(history, contextFor('us.deepseek.r1-v1:0')).messages[1].content).toEqual([
      { text: 'a' },
    ]);
  });
});
