import {
  decodeAll,
  expectNativeRefusal,
  expectStreamMatchesAnswer,
  expectToolLoop,
  WEATHER_TOOL as weather,
  foldEvents,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { PNG_B64 } from '../../../../emulator/test/rejections/rejection-helpers';
import { nativeCodecFor, novaCodec } from './nova.native';

const NOVA = resolved('amazon.nova-pro-v1:0');

describe('Nova messages-v1 native codec', () => {
  it('builds the messages-v1 body: base64 media, tools, inferenceConfig, cache points', () => {
    const png = Buffer.from(PNG_B64, 'base64');
    const req = request({
      system: [{ text: 'Sys' }, { cachePoint: { type: 'default' } }],
      messages: [
        {
          role: 'user',
          content: [{ image: { format: 'png', source: { bytes: png } } }, { text: 'What is it?' }],
        },
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'Oslo' } } }],
        },
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: 't1', content: [{ json: { t: 3 } }], status: 'success' } }],
        },
      ],
      tools: { specs: [weather], choice: { tool: 'get_weather' } },
      inference: { maxTokens: 300, temperature: 0.2, topP: 0.9, topK: 20, stopSequences: ['END'] },
      caching: { messages: true },
    });
    expect(novaCodec.buildBody(req, NOVA)).toEqual({
      schemaVersion: 'messages-v1',
      system: [{ text: 'Sys' }, { cachePoint: { type: 'default' } }],
      messages: [
        {
          role: 'user',
          content: [{ image: { format: 'png', source: { bytes: PNG_B64 } } }, { text: 'What is it?' }],
        },
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'Oslo' } } }],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 't1', content: [{ json: { t: 3 } }], status: 'success' } },
            { cachePoint: { type: 'default' } },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 300, temperature: 0.2, topP: 0.9, topK: 20, stopSequences: ['END'] },
      toolConfig: {
        tools: [
          { toolSpec: { name: 'get_weather', description: 'Weather', inputSchema: weather.inputSchema } },
        ],
        toolChoice: { tool: { name: 'get_weather' } },
      },
    });
  });

  it('drops cache points on a Nova without prompt caching and refuses structured output', () => {
    const micro = resolved('amazon.nova-micro-v1:0');
    const req = request({
      system: [{ text: 'S' }, { cachePoint: { type: 'default' } }],
      messages: [userTurn('x')],
    });
    const body = novaCodec.buildBody(req, {
      ...micro,
      profile: { ...micro.profile, chat: { ...micro.profile.chat, promptCaching: false } },
    });
    expect(body.system).toEqual([{ text: 'S' }]);
    expectNativeRefusal(
      () =>
        novaCodec.buildBody(
          request({ messages: [userTurn('x')], output: { name: 'o', schema: {}, strict: false } }),
          NOVA,
        ),
      'response_format.json_schema.schema',
      /structured output/,
    );
  });

  it('parses output.message with Nova usage names', () => {
    const body = {
      output: { message: { role: 'assistant', content: [{ text: 'Hi' }] } },
      stopReason: 'end_turn',
      usage: {
        inputTokens: 5,
        outputTokens: 1,
        totalTokens: 6,
        cacheReadInputTokenCount: 2,
        cacheWriteInputTokenCount: 0,
      },
    };
    expect(novaCodec.parseResponse(body, {})).toEqual({
      content: [{ text: 'Hi' }],
      stopReason: 'end_turn',
      usage: {
        inputTokens: 5,
        outputTokens: 1,
        totalTokens: 8,
        cacheReadInputTokens: 2,
        cacheWriteInputTokens: 0,
      },
    });
  });

  it('passes Nova stream events through, metadata last with Bedrock latency', () => {
    const events = decodeAll(novaCodec, [
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { delta: { text: 'Hi' }, contentBlockIndex: 0 } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { messageStop: { stopReason: 'end_turn' } },
      {
        metadata: { usage: { inputTokens: 3, outputTokens: 1 }, metrics: {}, trace: {} },
        'amazon-bedrock-invocationMetrics': { invocationLatency: 12 },
      },
    ]);
    expect(events[events.length - 1]).toEqual({
      metadata: { usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 }, metrics: { latencyMs: 12 } },
    });
    expect(foldEvents(events).content).toEqual([{ text: 'Hi' }]);
  });

  it('round-trips through the emulated Bedrock: text, then a tool loop, whole and streamed', () => {
    expect(
      expectStreamMatchesAnswer(novaCodec, NOVA, request({ messages: [userTurn('hello nova')] })).content,
    ).toEqual([{ text: 'You said: hello nova' }]);
    expectToolLoop(novaCodec, NOVA);
  });

  it('serves Nova understanding models only', () => {
    expect(nativeCodecFor(NOVA)).toBe(novaCodec);
    expect(nativeCodecFor(resolved('amazon.nova-2-multimodal-embeddings-v1:0'))).toBeUndefined();
  });
});
