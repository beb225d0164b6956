import {
  decodeAll,
  expectNativeRefusal,
  expectToolLoop,
  foldEvents,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { cohereCommandRCodec, nativeCodecFor } from './cohere.native';
import { cohereTool } from './cohere.native-request';

const COMMAND_R = resolved('cohere.command-r-plus-v1:0');
const weather = {
  name: 'get_weather',
  description: 'Weather',
  inputSchema: {
    json: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City' },
        days: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
        where: { type: 'object', properties: { lat: { type: 'number' } } },
      },
      required: ['city'],
    },
  },
};

describe('Cohere Command R native codec: body', () => {
  it('describes tools with parameter_definitions in Cohere type names', () => {
    expect(cohereTool(weather)).toEqual({
      name: 'get_weather',
      description: 'Weather',
      parameter_definitions: {
        city: { description: 'City', type: 'str', required: true },
        days: { type: 'int', required: false },
        tags: { type: 'List[str]', required: false },
        where: { type: 'Dict', required: false },
      },
    });
  });

  it('puts the last user turn in message, earlier turns in chat_history, the system prompt in preamble', () => {
    const req = request({
      system: [{ text: 'Be kind.' }],
      messages: [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Hello' }] }, userTurn('Bye')],
      inference: { maxTokens: 30, temperature: 0.3, topP: 0.8, topK: 5, stopSequences: ['!'] },
    });
    expect(cohereCommandRCodec.buildBody(req, COMMAND_R)).toEqual({
      message: 'Bye',
      chat_history: [
        { role: 'USER', message: 'Hi' },
        { role: 'CHATBOT', message: 'Hello' },
      ],
      preamble: 'Be kind.',
      max_tokens: 30,
      temperature: 0.3,
      p: 0.8,
      k: 5,
      stop_sequences: ['!'],
    });
  });

  it('answers tool calls with tool_results naming the call, earlier ones as TOOL history', () => {
    const call = (id: string) => ({ toolUse: { toolUseId: id, name: 'get_weather', input: { city: id } } });
    const result = (id: string, text: string) => ({ toolResult: { toolUseId: id, content: [{ text }] } });
    const req = request({
      messages: [
        userTurn('weather in a'),
        { role: 'assistant', content: [call('a')] },
        { role: 'user', content: [result('a', 'sun'), { text: 'and b?' }] },
        { role: 'assistant', content: [call('b')] },
        { role: 'user', content: [{ toolResult: { toolUseId: 'b', content: [{ json: { rain: true } }] } }] },
      ],
      tools: { specs: [weather], choice: 'auto' },
    });
    const body = cohereCommandRCodec.buildBody(req, COMMAND_R);
    expect(body.message).toBe('');
    expect(body.chat_history).toEqual([
      { role: 'USER', message: 'weather in a' },
      { role: 'CHATBOT', message: '', tool_calls: [{ name: 'get_weather', parameters: { city: 'a' } }] },
      {
        role: 'TOOL',
        tool_results: [
          { call: { name: 'get_weather', parameters: { city: 'a' } }, outputs: [{ text: 'sun' }] },
        ],
      },
      { role: 'USER', message: 'and b?' },
      { role: 'CHATBOT', message: '', tool_calls: [{ name: 'get_weather', parameters: { city: 'b' } }] },
    ]);
    expect(body.tool_results).toEqual([
      { call: { name: 'get_weather', parameters: { city: 'b' } }, outputs: [{ rain: true }] },
    ]);
  });

  it.each([
    [
      'a forced tool',
      request({ messages: [userTurn('x')], tools: { specs: [weather], choice: 'any' } }),
      'tool_choice',
      /forcing a tool call/,
    ],
    [
      'a prefilled answer',
      request({ messages: [userTurn('x'), { role: 'assistant', content: [{ text: 'y' }] }] }),
      'messages',
      /prefilled answer/,
    ],
    [
      'an image',
      request({
        messages: [
          { role: 'user', content: [{ image: { format: 'png', source: { bytes: new Uint8Array([1]) } } }] },
        ],
      }),
      'messages[0].content[0]',
      /image input/,
    ],
    ['a suffix', request({ prompt: { text: 'a', suffix: 'b' } }), 'suffix', /suffix/],
  ])('refuses %s', (_name, req, param, message) => {
    expectNativeRefusal(() => cohereCommandRCodec.buildBody(req, COMMAND_R), param, message);
  });

  it('sends a legacy prompt as the message', () => {
    expect(cohereCommandRCodec.buildBody(request({ prompt: { text: 'Write a haiku' } }), COMMAND_R)).toEqual({
      message: 'Write a haiku',
    });
  });
});

describe('Cohere Command R native codec: answers', () => {
  it('parses text, tool calls (with ids made for them) and finish reasons', () => {
    const parsed = cohereCommandRCodec.parseResponse(
      {
        text: '',
        generation_id: 'ab-12',
        finish_reason: 'COMPLETE',
        tool_calls: [{ name: 'f', parameters: { x: 1 } }],
      },
      { inputTokens: 4, outputTokens: 3 },
    );
    expect(parsed).toEqual({
      content: [{ toolUse: { toolUseId: 'tooluse_ab12_0', name: 'f', input: { x: 1 } } }],
      stopReason: 'tool_use',
      usage: { inputTokens: 4, outputTokens: 3, totalTokens: 7 },
    });
    expect(
      cohereCommandRCodec.parseResponse({ text: 'hi', finish_reason: 'MAX_TOKENS' }, {}).stopReason,
    ).toBe('max_tokens');
  });

  it('decodes stream events, ignoring the ones Converse has no place for', () => {
    const events = decodeAll(cohereCommandRCodec, [
      { is_finished: false, event_type: 'stream-start', generation_id: 'g1' },
      { is_finished: false, event_type: 'text-generation', text: 'Let me ' },
      { is_finished: false, event_type: 'text-generation', text: 'check.' },
      { is_finished: false, event_type: 'citation-generation', citations: [] },
      {
        is_finished: false,
        event_type: 'tool-calls-generation',
        tool_calls: [{ name: 'f', parameters: {} }],
      },
      {
        is_finished: true,
        event_type: 'stream-end',
        finish_reason: 'COMPLETE',
        'amazon-bedrock-invocationMetrics': { inputTokenCount: 2, outputTokenCount: 3 },
      },
    ]);
    expect(foldEvents(events)).toEqual({
      content: [{ text: 'Let me check.' }, { toolUse: { toolUseId: 'tooluse_g1_0', name: 'f', input: {} } }],
      stopReason: 'tool_use',
      usage: { inputTokens: 2, outputTokens: 3, totalTokens: 5 },
    });
  });

  it('runs a tool loop against the emulated Bedrock, whole and streamed', () => {
    expect(expectToolLoop(cohereCommandRCodec, COMMAND_R).second.answer.stopReason).toBe('end_turn');
  });

  it('serves Command R and R+, not the older Command models', () => {
    expect(nativeCodecFor(COMMAND_R)).toBe(cohereCommandRCodec);
    expect(nativeCodecFor(resolved('cohere.command-text-v14'))).toBeUndefined();
  });
});
