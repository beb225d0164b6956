import type { Message } from '@aws-sdk/client-bedrock-runtime';
import { ApiError } from '../../common/errors/api-error';
import type { InferenceRequest } from '../../inference/inference-request';
import { PNG_B64 } from '../../../emulator/test/rejections/rejection-helpers';
import {
  expectStreamMatchesAnswer,
  request,
  resolved,
  userTurn,
} from '../../../test/support/fixtures/native-round-trip.fixture';
import { nativeCodecFor as claude } from '../families/claude/claude.native';
import { nativeCodecFor as cohere } from '../families/cohere/cohere.native';
import { nativeCodecFor as deepseek } from '../families/deepseek/deepseek.native';
import { nativeCodecFor as llama } from '../families/llama/llama.native';
import { nativeCodecFor as mistral } from '../families/mistral/mistral.native';
import { nativeCodecFor as nova } from '../families/nova/nova.native';
import { nativeCodecFor as titan } from '../families/titan/titan.native';

/** One emulated model per native API (ids the emulator's catalog serves). */
const MODELS: [string, (m: ReturnType<typeof resolved>) => unknown][] = [
  ['anthropic.claude-3-haiku-20240307-v1:0', claude],
  ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', claude],
  ['meta.llama3-1-70b-instruct-v1:0', llama],
  ['us.meta.llama3-2-11b-instruct-v1:0', llama],
  ['mistral.mistral-7b-instruct-v0:2', mistral],
  ['mistral.mistral-large-2402-v1:0', mistral],
  ['amazon.titan-text-express-v1', titan],
  ['cohere.command-r-plus-v1:0', cohere],
  ['us.deepseek.r1-v1:0', deepseek],
  ['amazon.nova-pro-v1:0', nova],
];

const weather = {
  name: 'get_weather',
  description: 'Weather for a city',
  inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const call = { toolUse: { toolUseId: 'tooluse_abc', name: 'get_weather', input: { city: 'Oslo' } } };
const toolLoop: Message[] = [
  userTurn('use get_weather'),
  { role: 'assistant', content: [{ text: 'Checking.' }, call] },
  { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_abc', content: [{ text: 'sunny' }] } }] },
];
const png = Buffer.from(PNG_B64, 'base64');

/** Requests every dialect can send; a codec either refuses one with a 400 or builds a body Bedrock takes. */
const VARIANTS: [string, InferenceRequest][] = [
  ['one user turn', request({ messages: [userTurn('hello there')] })],
  [
    'system prompt, history and sampling',
    request({
      system: [{ text: 'Be brief.' }],
      messages: [
        userTurn('hi'),
        { role: 'assistant', content: [{ text: 'hello' }] },
        userTurn('again please'),
      ],
      inference: { maxTokens: 200, temperature: 0.5, topP: 0.9 },
    }),
  ],
  ['top_k', request({ messages: [userTurn('hi')], inference: { topK: 5 } })],
  [
    'stop sequences',
    request({ messages: [userTurn('one two. three')], inference: { stopSequences: ['.'] } }),
  ],
  [
    'a prefilled answer',
    request({ messages: [userTurn('hi'), { role: 'assistant', content: [{ text: 'Well' }] }] }),
  ],
  ['a legacy prompt', request({ prompt: { text: 'Complete this sentence' } })],
  [
    'tools (auto)',
    request({ messages: [userTurn('use get_weather')], tools: { specs: [weather], choice: 'auto' } }),
  ],
  ['tools (any)', request({ messages: [userTurn('weather?')], tools: { specs: [weather], choice: 'any' } })],
  [
    'a named tool, one call at a time',
    request({
      messages: [userTurn('x')],
      tools: { specs: [weather], choice: { tool: 'get_weather' }, parallel: false },
    }),
  ],
  ['a tool loop', request({ messages: toolLoop, tools: { specs: [weather], choice: 'auto' } })],
  [
    "tool history under tool_choice 'none'",
    request({ messages: toolLoop, tools: { specs: [weather], choice: 'none' } }),
  ],
  [
    'an image',
    request({
      messages: [
        { role: 'user', content: [{ image: { format: 'png', source: { bytes: png } } }, { text: 'what?' }] },
      ],
    }),
  ],
  ['a reasoning effort', request({ messages: [userTurn('think')], reasoning: { effort: 'low' } })],
  [
    'cache points and caching intents',
    request({
      system: [{ text: 'S' }, { cachePoint: { type: 'default' } }],
      messages: [userTurn('cached')],
      caching: { system: true, messages: true },
    }),
  ],
];

describe.each(MODELS)('native codec contract: %s', (modelId, codecFor) => {
  const model = resolved(modelId);
  const codec = codecFor(model) as ReturnType<typeof claude>;

  it('has a native codec', () => expect(codec).toBeDefined());

  it.each(VARIANTS)(
    '%s: refused with a 400, or accepted by the emulated Bedrock and streamed alike',
    (_name, req) => {
      let refused: unknown;
      try {
        codec!.buildBody(req, model);
      } catch (e) {
        refused = e;
      }
      if (refused) {
        expect(refused).toBeInstanceOf(ApiError);
        expect(refused).toMatchObject({ status: 400 });
        return;
      }
      const answer = expectStreamMatchesAnswer(codec!, model, req);
      expect(answer.content.length).toBeGreaterThan(0);
      expect(answer.usage.outputTokens).toBeGreaterThan(0);
    },
  );
});
