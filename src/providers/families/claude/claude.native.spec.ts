import type { ToolIntent } from '../../../inference/inference-request';
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
import { claudeMessagesCodec, nativeCodecFor } from './claude.native';

const HAIKU = resolved('anthropic.claude-3-haiku-20240307-v1:0');
const SONNET_37 = resolved('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
const SONNET_45 = resolved('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
const build = claudeMessagesCodec.buildBody;

describe('Claude Messages native codec: body', () => {
  it('writes the Messages body: version, system, media, tool history, thinking, cache_control', () => {
    const req = request({
      system: [{ text: 'Sys' }, { cachePoint: { type: 'default' } }],
      messages: [
        {
          role: 'user',
          content: [
            { image: { format: 'png', source: { bytes: Buffer.from(PNG_B64, 'base64') } } },
            { document: { name: 'Spec', format: 'pdf', source: { bytes: new Uint8Array([37, 80]) } } },
            { document: { name: 'Notes', format: 'txt', source: { bytes: Buffer.from('hello') } } },
            { text: 'Read these' },
            { cachePoint: { type: 'default', ttl: '1h' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'hmm', signature: 'sig' } } },
            { reasoningContent: { redactedContent: new Uint8Array([1, 2]) } },
            { toolUse: { toolUseId: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } } },
          ],
        },
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: 'toolu_1', content: [{ json: { t: 3 } }], status: 'error' } }],
        },
      ],
      tools: { specs: [weather], choice: 'auto' },
      inference: { maxTokens: 500, temperature: 0.5, topK: 10, stopSequences: ['END'] },
      betas: ['interleaved-thinking-2025-05-14'],
      passThrough: {
        anthropic_beta: ['interleaved-thinking-2025-05-14', 'x-beta'],
        metadata: { user_id: 'u1' },
      },
    });
    expect(build(req, resolved('anthropic.claude-3-5-haiku-20241022-v1:0'))).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['interleaved-thinking-2025-05-14', 'x-beta'],
      max_tokens: 500,
      system: [{ type: 'text', text: 'Sys', cache_control: { type: 'ephemeral' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_B64 } },
            {
              type: 'document',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVA=' },
              title: 'Spec',
            },
            {
              type: 'document',
              source: { type: 'text', media_type: 'text/plain', data: 'hello' },
              title: 'Notes',
            },
            { type: 'text', text: 'Read these', cache_control: { type: 'ephemeral', ttl: '1h' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'hmm', signature: 'sig' },
            { type: 'redacted_thinking', data: 'AQI=' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [{ type: 'text', text: '{"t":3}' }],
              is_error: true,
            },
          ],
        },
      ],
      temperature: 0.5,
      top_k: 10,
      stop_sequences: ['END'],
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: weather.inputSchema.json }],
      metadata: { user_id: 'u1' },
    });
  });

  it.each<[string, ToolIntent, unknown]>([
    ['auto: left to the default', { specs: [weather], choice: 'auto' }, undefined],
    [
      'auto, one call at a time',
      { specs: [weather], choice: 'auto', parallel: false },
      { type: 'auto', disable_parallel_tool_use: true },
    ],
    ['any', { specs: [weather], choice: 'any' }, { type: 'any' }],
    [
      'a named tool',
      { specs: [weather], choice: { tool: 'get_weather' } },
      { type: 'tool', name: 'get_weather' },
    ],
  ])('tool_choice %s', (_name, tools, choice) => {
    expect(build(request({ messages: [userTurn('x')], tools }), HAIKU).tool_choice).toEqual(choice);
  });

  it("tool_choice 'none' offers no tools and sends earlier calls as text", () => {
    const req = request({
      messages: [
        userTurn('x'),
        { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'get_weather', input: {} } }] },
        { role: 'user', content: [{ toolResult: { toolUseId: 't', content: [{ text: 'sun' }] } }] },
      ],
      tools: { specs: [weather], choice: 'none' },
    });
    const body = build(req, HAIKU);
    expect(body.tools).toBeUndefined();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      { role: 'assistant', content: [{ type: 'text', text: '[Called tool get_weather (t) with {}]' }] },
      { role: 'user', content: [{ type: 'text', text: '[Result of tool call t: sun]' }] },
    ]);
  });

  it('drops cache points on a model without caching, keeps the last four breakpoints on one with it', () => {
    const marked = request({
      system: [{ text: 'S' }, { cachePoint: { type: 'default' } }],
      messages: [userTurn('x')],
    });
    expect(build(marked, HAIKU).system).toEqual([{ type: 'text', text: 'S' }]);
    const many = request({
      messages: ['a', 'b', 'c', 'd', 'e'].map((t) => ({
        role: 'user' as const,
        content: [{ text: t }, { cachePoint: { type: 'default' as const } }],
      })),
      caching: { system: true },
    });
    const body = build(many, SONNET_37);
    const marks = (body.messages as { content: { cache_control?: unknown }[] }[]).map(
      (m) => m.content[0].cache_control !== undefined,
    );
    expect(marks).toEqual([false, true, true, true, true]);
  });

  it('drops top_p beside temperature on models that take only one of them', () => {
    const req = request({ messages: [userTurn('x')], inference: { temperature: 0.3, topP: 0.9 } });
    expect(build(req, SONNET_45)).toMatchObject({ temperature: 0.3 });
    expect(build(req, SONNET_45).top_p).toBeUndefined();
    expect(build(req, HAIKU)).toMatchObject({ temperature: 0.3, top_p: 0.9 });
  });

  it('sends a legacy prompt as one user turn', () => {
    expect(build(request({ prompt: { text: 'Once' } }), HAIKU).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Once' }] },
    ]);
  });
});

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
      'response_format',
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
