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
import { claudeMessagesCodec, nativeCodecFor } from './claude.native';

const HAIKU = resolved('anthropic.claude-3-haiku-20240307-v1:0');
const SONNET_37 = resolved('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
const build = claudeMessagesCodec.buildBody;

describe('Claude Messages native codec: thinking', () => {
  const ask = (over: Parameters<typeof request>[0]) =>
    build(request({ messages: [userTurn('why')], ...over }), SONNET_37);

  it('turns a reasoning effort into a budget, leaving room for the answer and dropping sampling', () => {
    expect(
      ask({ reasoning: { effort: 'low' }, inference: { temperature: 0.2, topP: 0.5, topK: 3 } }),
    ).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 2048 + 4096,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'why' }] }],
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
    expect(ask({ reasoning: { effort: 'high' }, inference: { maxTokens: 3000 } })).toMatchObject({
      max_tokens: 3000,
      thinking: { budget_tokens: 2999 },
    });
    expect(ask({ reasoning: { budgetTokens: 5000 } })).toMatchObject({
      max_tokens: 9096,
      thinking: { budget_tokens: 5000 },
    });
    expect(
      ask({
        passThrough: { thinking: { type: 'enabled', budget_tokens: 1500 } },
        reasoning: { effort: 'high' },
      }),
    ).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 1500 },
    });
    expect(ask({ reasoning: { mode: 'disabled', effort: 'high' } }).thinking).toBeUndefined();
  });

  it('answers without thinking when the last tool turn lacks its signed thinking', () => {
    const req = request({
      messages: [
        userTurn('x'),
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'get_weather', input: {} } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't', content: [{ text: 'sun' }] } }] },
      ],
      tools: { specs: [weather], choice: 'auto' },
      reasoning: { effort: 'medium' },
    });
    expect(build(req, SONNET_37).thinking).toBeUndefined();
  });

  it.each([
    [
      'a forced tool',
      { tools: { specs: [weather], choice: 'any' as const }, reasoning: { effort: 'low' as const } },
      'tool_choice',
      /forced to call a tool/,
      SONNET_37,
    ],
    [
      'a max_tokens too small to think',
      { reasoning: { effort: 'low' as const }, inference: { maxTokens: 1000 } },
      'max_tokens',
      /above 1024/,
      SONNET_37,
    ],
    [
      'reasoning on a model without thinking',
      { reasoning: { effort: 'high' as const } },
      'reasoning_effort',
      /reasoning/,
      HAIKU,
    ],
    [
      'structured output',
      { output: { name: 'o', schema: {}, strict: true } },
      'response_format.json_schema.schema',
      /structured output/,
      HAIKU,
    ],
  ])('refuses %s', (_name, over, param, message, model) => {
    expectNativeRefusal(() => build(request({ messages: [userTurn('x')], ...over }), model), param, message);
  });
});

describe('Claude Messages native codec: answers', () => {
  it('parses content blocks, stop reasons and cache usage', () => {
    const parsed = claudeMessagesCodec.parseResponse(
      {
        content: [
          { type: 'thinking', thinking: 'hmm', signature: 's1' },
          { type: 'redacted_thinking', data: 'AQI=' },
          { type: 'text', text: "I'll check." },
          { type: 'tool_use', id: 'toolu_bdrk_1', name: 'f', input: { a: 1 } },
        ],
        stop_reason: 'tool_use',
        usage: {
          input_tokens: 10,
          output_tokens: 5,
          cache_read_input_tokens: 100,
          cache_creation_input_tokens: 20,
        },
      },
      {},
    );
    expect(parsed).toEqual({
      content: [
        { reasoningContent: { reasoningText: { text: 'hmm', signature: 's1' } } },
        { reasoningContent: { redactedContent: new Uint8Array([1, 2]) } },
        { text: "I'll check." },
        { toolUse: { toolUseId: 'toolu_bdrk_1', name: 'f', input: { a: 1 } } },
      ],
      stopReason: 'tool_use',
      usage: {
        inputTokens: 10,
        outputTokens: 5,
        totalTokens: 135,
        cacheReadInputTokens: 100,
        cacheWriteInputTokens: 20,
      },
    });
    expect(claudeMessagesCodec.parseResponse({ content: [], stop_reason: 'refusal' }, {}).stopReason).toBe(
      'content_filtered',
    );
  });

  it('decodes Anthropic stream events into ConverseStream events', () => {
    const events = decodeAll(claudeMessagesCodec, [
      { type: 'message_start', message: { usage: { input_tokens: 9, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me ' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'see.' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 'toolu_2', name: 'f', input: {} },
      },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"a"' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: ':1}' } },
      { type: 'content_block_stop', index: 1 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { output_tokens: 12 },
      },
      {
        type: 'message_stop',
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 9,
          outputTokenCount: 12,
          invocationLatency: 30,
        },
      },
    ]);
    expect(events[1]).toEqual({
      contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Let me ' } } },
    });
    expect(events).toContainEqual({
      contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'toolu_2', name: 'f' } } },
    });
    expect(foldEvents(events)).toEqual({
      content: [
        { reasoningContent: { reasoningText: { text: 'Let me see.', signature: 'sig' } } },
        { toolUse: { toolUseId: 'toolu_2', name: 'f', input: { a: 1 } } },
      ],
      stopReason: 'tool_use',
      usage: { inputTokens: 9, outputTokens: 12, totalTokens: 21 },
    });
  });

  it('round-trips through the emulated Bedrock: text, a tool loop, and signed thinking sent back', () => {
    expect(
      expectStreamMatchesAnswer(
        claudeMessagesCodec,
        HAIKU,
        request({ messages: [userTurn('hello claude')], inference: { maxTokens: 50 } }),
      ).content,
    ).toEqual([{ text: 'You said: hello claude' }]);
    const { first, call, second } = expectToolLoop(claudeMessagesCodec, SONNET_37, {
      tools: { specs: [weather], choice: 'auto', parallel: false },
      reasoning: { effort: 'minimal' },
    });
    expect(first.content[0].reasoningContent?.reasoningText?.signature).toEqual(expect.any(String));
    expect(call.toolUseId).toMatch(/^toolu_bdrk_/);
    // The signed thinking went back, so the second turn may think too.
    expect(second.body.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(nativeCodecFor(HAIKU)).toBe(claudeMessagesCodec);
  });
});
