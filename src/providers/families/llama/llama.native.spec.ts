import {
  decodeAll,
  expectNativeRefusal,
  expectStreamMatchesAnswer,
  foldEvents,
  invokeNative,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { PNG_B64 } from '../../../../emulator/test/rejections/rejection-helpers';
import { llama3Codec, nativeCodecFor } from './llama.native';

const LLAMA = resolved('meta.llama3-1-70b-instruct-v1:0');
const VISION = resolved('us.meta.llama3-2-11b-instruct-v1:0');
const H = (role: string) => `<|start_header_id|>${role}<|end_header_id|>\n\n`;

describe('Llama 3 native codec: body', () => {
  it.each([
    [
      'one user turn',
      request({ messages: [userTurn('Hi')] }),
      `<|begin_of_text|>${H('user')}Hi<|eot_id|>${H('assistant')}`,
    ],
    [
      'a system prompt and a multi-turn conversation',
      request({
        system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }],
        messages: [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Hello' }] }, userTurn('Again')],
      }),
      `<|begin_of_text|>${H('system')}Be brief.<|eot_id|>${H('user')}Hi<|eot_id|>${H('assistant')}Hello<|eot_id|>${H('user')}Again<|eot_id|>${H('assistant')}`,
    ],
    [
      'a prefilled answer, left open',
      request({ messages: [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Sure:' }] }] }),
      `<|begin_of_text|>${H('user')}Hi<|eot_id|>${H('assistant')}Sure:`,
    ],
    [
      'earlier tool calls, as text when no tools are offered',
      request({
        messages: [
          userTurn('time?'),
          { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'clock', input: {} } }] },
          { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'noon' }] } }] },
        ],
      }),
      `<|begin_of_text|>${H('user')}time?<|eot_id|>${H('assistant')}[Called tool clock (t1) with {}]<|eot_id|>${H('user')}[Result of tool call t1: noon]<|eot_id|>${H('assistant')}`,
    ],
    ['a legacy completion prompt, verbatim', request({ prompt: { text: 'Once upon' } }), 'Once upon'],
  ])('%s', (_name, req, prompt) => {
    expect(llama3Codec.buildBody(req, LLAMA).prompt).toBe(prompt);
  });

  it('maps the sampling settings to max_gen_len, temperature and top_p', () => {
    const body = llama3Codec.buildBody(
      request({ messages: [userTurn('Hi')], inference: { maxTokens: 50, temperature: 0.2, topP: 0.9 } }),
      LLAMA,
    );
    expect(body).toEqual({ prompt: expect.any(String), max_gen_len: 50, temperature: 0.2, top_p: 0.9 });
  });

  it('puts images of a vision model in `images` with an <|image|> slot', () => {
    const req = request({
      messages: [
        {
          role: 'user',
          content: [
            { image: { format: 'png', source: { bytes: Buffer.from(PNG_B64, 'base64') } } },
            { text: 'What?' },
          ],
        },
      ],
    });
    const body = llama3Codec.buildBody(req, VISION);
    expect(body.images).toEqual([PNG_B64]);
    expect(body.prompt).toContain(`${H('user')}<|image|>What?<|eot_id|>`);
  });

  it.each([
    [
      'tools',
      request({
        messages: [userTurn('x')],
        tools: { specs: [{ name: 't', inputSchema: { json: {} } }], choice: 'auto' },
      }),
      'tools',
      /tool calling/,
    ],
    [
      'stop sequences',
      request({ messages: [userTurn('x')], inference: { stopSequences: ['\n'] } }),
      'stop',
      /stop sequences/,
    ],
    ['top_k', request({ messages: [userTurn('x')], inference: { topK: 5 } }), 'top_k', /top_k/],
    [
      'a document',
      request({
        messages: [
          {
            role: 'user',
            content: [{ document: { name: 'd', format: 'txt', source: { bytes: new Uint8Array([65]) } } }],
          },
        ],
      }),
      'messages[0].content[0]',
      /document input/,
    ],
    [
      'an image on a text-only model',
      request({
        messages: [
          { role: 'user', content: [{ image: { format: 'png', source: { bytes: new Uint8Array([1]) } } }] },
        ],
      }),
      'messages[0].content[0]',
      /image input/,
    ],
    ['a suffix', request({ prompt: { text: 'a', suffix: 'b' } }), 'suffix', /suffix/],
    [
      'structured output',
      request({ messages: [userTurn('x')], output: { name: 'o', schema: { type: 'object' }, strict: true } }),
      'response_format.json_schema.schema',
      /structured output/,
    ],
    [
      'reasoning',
      request({ messages: [userTurn('x')], reasoning: { effort: 'high' } }),
      'reasoning_effort',
      /reasoning/,
    ],
  ])('refuses %s with a 400 naming it', (_name, req, param, message) => {
    expectNativeRefusal(() => llama3Codec.buildBody(req, LLAMA), param, message);
  });

  it('serves Llama 3 and later, not Llama 2 or embeddings', () => {
    expect(nativeCodecFor(LLAMA)).toBe(llama3Codec);
    expect(nativeCodecFor(resolved('meta.llama2-13b-chat-v1'))).toBeUndefined();
  });
});

describe('Llama 3 native codec: answers', () => {
  it('parses generation, stop reason and Meta token counts', () => {
    const parsed = llama3Codec.parseResponse(
      { generation: 'Hello', prompt_token_count: 7, generation_token_count: 2, stop_reason: 'length' },
      {},
    );
    expect(parsed).toEqual({
      content: [{ text: 'Hello' }],
      stopReason: 'max_tokens',
      usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9 },
    });
  });

  it('decodes a stream: text deltas, then messageStop and metadata from the last chunk', () => {
    const events = decodeAll(llama3Codec, [
      { generation: 'Hel', prompt_token_count: 7, generation_token_count: 1, stop_reason: null },
      { generation: 'lo', prompt_token_count: null, generation_token_count: 2, stop_reason: null },
      {
        generation: '',
        prompt_token_count: null,
        generation_token_count: 2,
        stop_reason: 'stop',
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 7,
          outputTokenCount: 2,
          invocationLatency: 42,
        },
      },
    ]);
    expect(events[events.length - 1]).toEqual({
      metadata: { usage: { inputTokens: 7, outputTokens: 2, totalTokens: 9 }, metrics: { latencyMs: 42 } },
    });
    expect(foldEvents(events)).toMatchObject({ content: [{ text: 'Hello' }], stopReason: 'end_turn' });
  });

  it('round-trips through the emulated Bedrock, whole and streamed', () => {
    const req = request({
      system: [{ text: 'Sys' }],
      messages: [userTurn('hello llama')],
      inference: { maxTokens: 100 },
    });
    const answer = expectStreamMatchesAnswer(llama3Codec, LLAMA, req);
    expect(answer.content).toEqual([{ text: 'You said: hello llama' }]);
    expect(answer.stopReason).toBe('end_turn');
  });

  it('reports max_tokens when the emulated model is cut at max_gen_len', () => {
    const { answer } = invokeNative(
      llama3Codec,
      LLAMA,
      request({ messages: [userTurn('one two three')], inference: { maxTokens: 2 } }),
    );
    expect(answer).toMatchObject({
      content: [{ text: 'You said:' }],
      stopReason: 'max_tokens',
      usage: { outputTokens: 2 },
    });
  });

  it('sends images of a vision model that the emulated Bedrock accepts', () => {
    const req = request({
      messages: [
        {
          role: 'user',
          content: [
            { image: { format: 'png', source: { bytes: Buffer.from(PNG_B64, 'base64') } } },
            { text: 'describe' },
          ],
        },
      ],
    });
    expect(expectStreamMatchesAnswer(llama3Codec, VISION, req).content).toEqual([
      { text: 'You said: describe' },
    ]);
  });
});
