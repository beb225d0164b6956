import type { ToolIntent } from '../../../inference/inference-request';
import {
  WEATHER_TOOL as weather,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { PNG_B64 } from '../../../../emulator/test/rejections/rejection-helpers';
import { claudeMessagesCodec } from './claude.native';

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
