import type { Message } from '@aws-sdk/client-bedrock-runtime';
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
import { mistralPromptCodec, nativeCodecFor } from './mistral.native';
import { mistralChatCodec } from './mistral.native-chat';

const SEVEN_B = resolved('mistral.mistral-7b-instruct-v0:2');
const LARGE = resolved('mistral.mistral-large-2402-v1:0');

describe('Mistral prompt codec (7B, Mixtral)', () => {
  it.each([
    ['one instruction', [userTurn('Hi')], '', '<s>[INST] Hi [/INST]'],
    [
      'a system prompt opening the first instruction, and an exchange',
      [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Hello' }] }, userTurn('More')],
      'Be brief.',
      '<s>[INST] Be brief.\n\nHi [/INST] Hello</s> [INST] More [/INST]',
    ],
    [
      'a prefill left open',
      [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Sure' }] }],
      '',
      '<s>[INST] Hi [/INST] Sure',
    ],
  ] as [string, Message[], string, string][])('%s', (_name, messages, system, prompt) => {
    const req = request({ messages, system: system ? [{ text: system }] : [] });
    expect(mistralPromptCodec.buildBody(req, SEVEN_B).prompt).toBe(prompt);
  });

  it('maps sampling and stop sequences to max_tokens, stop, temperature, top_p, top_k', () => {
    const body = mistralPromptCodec.buildBody(
      request({
        prompt: { text: '<s>[INST] x [/INST]' },
        inference: { maxTokens: 9, stopSequences: ['.'], temperature: 0.1, topP: 0.5, topK: 3 },
      }),
      SEVEN_B,
    );
    expect(body).toEqual({
      prompt: '<s>[INST] x [/INST]',
      max_tokens: 9,
      stop: ['.'],
      temperature: 0.1,
      top_p: 0.5,
      top_k: 3,
    });
  });

  it('refuses tools (the prompt API has none)', () => {
    expectNativeRefusal(
      () =>
        mistralPromptCodec.buildBody(
          request({ messages: [userTurn('x')], tools: { specs: [weather], choice: 'auto' } }),
          SEVEN_B,
        ),
      'tools',
      /tool calling/,
    );
  });

  it('parses outputs[0] and decodes its stream', () => {
    expect(
      mistralPromptCodec.parseResponse(
        { outputs: [{ text: 'Hi', stop_reason: 'length' }] },
        { inputTokens: 3, outputTokens: 1 },
      ),
    ).toEqual({
      content: [{ text: 'Hi' }],
      stopReason: 'max_tokens',
      usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    });
    const events = decodeAll(mistralPromptCodec, [
      { outputs: [{ text: 'H', stop_reason: null }] },
      {
        outputs: [{ text: 'i', stop_reason: 'stop' }],
        'amazon-bedrock-invocationMetrics': { inputTokenCount: 3, outputTokenCount: 1 },
      },
    ]);
    expect(foldEvents(events)).toEqual({
      content: [{ text: 'Hi' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
    });
  });

  it('round-trips through the emulated Bedrock, with a stop sequence', () => {
    const req = request({
      system: [{ text: 'S' }],
      messages: [userTurn('alpha beta. gamma')],
      inference: { stopSequences: ['.'] },
    });
    expect(expectStreamMatchesAnswer(mistralPromptCodec, SEVEN_B, req).content).toEqual([
      // The system prompt opens the instruction, so the emulator echoes it too.
      { text: 'You said: S\n\nalpha beta' },
    ]);
  });
});

describe('Mistral Large chat codec', () => {
  it('builds the chat body: system, tool calls and tool messages, functions, tool_choice', () => {
    const req = request({
      system: [{ text: 'Be brief.' }],
      messages: [
        userTurn('weather?'),
        {
          role: 'assistant',
          content: [
            { text: 'Checking.' },
            { toolUse: { toolUseId: 'abc', name: 'get_weather', input: { city: 'Oslo' } } },
          ],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 'abc', content: [{ json: { temp: 3 } }] } },
            { text: 'thanks' },
          ],
        },
      ],
      tools: { specs: [weather], choice: 'any' },
      inference: { maxTokens: 100, temperature: 0.3 },
    });
    expect(mistralChatCodec.buildBody(req, LARGE)).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'weather?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [{ id: 'abc', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
        },
        { role: 'tool', tool_call_id: 'abc', content: '{"temp":3}' },
        { role: 'user', content: 'thanks' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'get_weather', description: 'Weather', parameters: weather.inputSchema.json },
        },
      ],
      tool_choice: 'any',
      max_tokens: 100,
      temperature: 0.3,
    });
  });

  it.each([
    [
      'a named tool',
      request({ messages: [userTurn('x')], tools: { specs: [weather], choice: { tool: 'get_weather' } } }),
      'tool_choice',
      /forcing one named tool/,
    ],
    [
      'stop sequences',
      request({ messages: [userTurn('x')], inference: { stopSequences: ['x'] } }),
      'stop',
      /stop sequences/,
    ],
    [
      'images',
      request({
        messages: [
          { role: 'user', content: [{ image: { format: 'png', source: { bytes: new Uint8Array([1]) } } }] },
        ],
      }),
      'messages[0].content[0]',
      /image input/,
    ],
  ])('refuses %s', (_name, req, param, message) => {
    expectNativeRefusal(() => mistralChatCodec.buildBody(req, LARGE), param, message);
  });

  it('parses tool calls and decodes streamed tool calls', () => {
    const choice = {
      index: 0,
      message: {
        role: 'assistant',
        content: '',
        tool_calls: [{ id: 'k1', function: { name: 'f', arguments: '{"a":1}' } }],
      },
      stop_reason: 'tool_calls',
    };
    expect(
      mistralChatCodec.parseResponse({ choices: [choice] }, { inputTokens: 5, outputTokens: 2 }),
    ).toEqual({
      content: [{ toolUse: { toolUseId: 'k1', name: 'f', input: { a: 1 } } }],
      stopReason: 'tool_use',
      usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
    });
    const folded = foldEvents(
      decodeAll(mistralChatCodec, [
        { choices: [{ index: 0, message: { role: 'assistant', content: 'Hm ' }, stop_reason: null }] },
        { choices: [choice] },
      ]),
    );
    expect(folded.content).toEqual([
      { text: 'Hm ' },
      { toolUse: { toolUseId: 'k1', name: 'f', input: { a: 1 } } },
    ]);
    expect(folded.stopReason).toBe('tool_use');
  });

  it('runs a tool loop against the emulated Bedrock, whole and streamed', () => {
    expectToolLoop(mistralChatCodec, LARGE);
  });

  it('Large and Pixtral get the chat body, the smaller models the prompt body', () => {
    expect(nativeCodecFor(LARGE)).toBe(mistralChatCodec);
    expect(nativeCodecFor(resolved('mistral.pixtral-large-2502-v1:0'))).toBe(mistralChatCodec);
    expect(nativeCodecFor(SEVEN_B)).toBe(mistralPromptCodec);
    expect(nativeCodecFor(resolved('mistral.mixtral-8x7b-instruct-v0:1'))).toBe(mistralPromptCodec);
  });
});
