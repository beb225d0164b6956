import { APIError } from 'openai';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

/** One model per native API, each routed to InvokeModel by MODEL_API. */
const MODELS = {
  claude: 'anthropic.claude-3-haiku-20240307-v1:0',
  llama: 'meta.llama3-1-70b-instruct-v1:0',
  mistralPrompt: 'mistral.mistral-7b-instruct-v0:2',
  mistralChat: 'mistral.mistral-large-2402-v1:0',
  titan: 'amazon.titan-text-express-v1',
  cohere: 'cohere.command-r-plus-v1:0',
  deepseek: 'us.deepseek.r1-v1:0',
  nova: 'amazon.nova-pro-v1:0',
} as const;
const ALL = Object.entries(MODELS);
/** Families whose native body has tools. */
const WITH_TOOLS = ['claude', 'mistralChat', 'cohere', 'nova'] as const;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    MODEL_API:
      'anthropic.claude-3-haiku*=native,meta.llama3*=native,mistral.*=native,amazon.titan-text*=native,cohere.command*=native,*deepseek.r1*=native,amazon.nova-pro*=native',
  });
});
afterAll(() => gw.close());

/** The one native call a chat request made, checked to be InvokeModel (or its streaming form). */
function nativeCall(since: number, stream = false): Record<string, unknown> {
  const calls = runtimeRequests(gw.emulator, since);
  expect(calls.map((c) => c.operation)).toEqual([stream ? 'InvokeModelWithResponseStream' : 'InvokeModel']);
  return calls[0].body as Record<string, unknown>;
}

describe('chat over native InvokeModel (MODEL_API)', () => {
  it.each(ALL)(
    '%s: answers a conversation through its native body, with usage from Bedrock',
    async (name, model) => {
      const since = mark(gw.emulator);
      const res = await gw.openai.chat.completions.create({
        model,
        max_tokens: 50,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hello there friend' },
        ],
      });
      expect(res.choices[0].message.content).toContain('hello there friend');
      expect(res.choices[0].finish_reason).toBe('stop');
      expect(res.usage!.prompt_tokens).toBeGreaterThan(0);
      expect(res.usage!.completion_tokens).toBeGreaterThan(0);
      const body = nativeCall(since);
      const text = JSON.stringify(body);
      expect(text).toContain('hello there friend');
      expect(text).toContain('Be brief.');
      expect(body).not.toHaveProperty('messages.0.content.0.text', undefined);
      if (name === 'claude')
        expect(body).toMatchObject({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 50 });
      if (name === 'llama') expect(body.prompt).toMatch(/^<\|begin_of_text\|><\|start_header_id\|>system/);
      if (name === 'mistralPrompt') expect(body.prompt).toMatch(/\[INST\]/);
      if (name === 'titan') expect(body).toMatchObject({ textGenerationConfig: { maxTokenCount: 50 } });
      if (name === 'cohere')
        expect(body).toMatchObject({ message: 'hello there friend', preamble: 'Be brief.' });
      if (name === 'nova') expect(body).toMatchObject({ schemaVersion: 'messages-v1' });
    },
  );

  it.each(ALL)('%s: streams the answer, ending with usage', async (_name, model) => {
    const since = mark(gw.emulator);
    const stream = await gw.openai.chat.completions.create({
      model,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'one two three' }],
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toContain('one two three');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
    nativeCall(since, true);
  });

  it.each(WITH_TOOLS.map((n) => [n, MODELS[n]]))(
    '%s: calls a tool through its native tool format',
    async (_n, model) => {
      const since = mark(gw.emulator);
      const res = await gw.openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'What is get_weather in Paris?' }],
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Weather by city',
              parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            },
          },
        ],
      });
      expect(res.choices[0].finish_reason).toBe('tool_calls');
      expect(res.choices[0].message.tool_calls?.[0]).toMatchObject({
        type: 'function',
        function: { name: 'get_weather' },
      });
      expect(JSON.stringify(nativeCall(since))).toContain('get_weather');
    },
  );

  it.each([
    ['llama', MODELS.llama, 'tools'],
    ['titan', MODELS.titan, 'tools'],
    ['deepseek', MODELS.deepseek, 'tools'],
  ])('%s: refuses tools with a 400 naming what its native API lacks', async (_n, model, param) => {
    const since = mark(gw.emulator);
    const err = await gw.openai.chat.completions
      .create({
        model,
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ type: 'function', function: { name: 'f' } }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toMatchObject({
      status: 400,
      error: { param, message: expect.stringContaining('native InvokeModel') },
    });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('passes stop sequences to a native body that has them', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: MODELS.claude,
      stop: ['END'],
      messages: [{ role: 'user', content: 'x y' }],
    });
    expect(nativeCall(since)).toMatchObject({ stop_sequences: ['END'] });
  });

  it('carries structured output out as an instruction and checks the answer', async () => {
    const since = mark(gw.emulator);
    const err = await gw.openai.chat.completions
      .create({
        model: MODELS.claude,
        messages: [{ role: 'user', content: 'not json' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'r',
            strict: true,
            schema: { type: 'object', properties: { a: { type: 'number' } } },
          },
        },
      })
      .catch((e: unknown) => e);
    // The emulator answers in words, which a strict schema refuses: a 502, not a wrong answer.
    expect(err).toMatchObject({ status: 502, error: { code: 'structured_output_invalid' } });
    expect(JSON.stringify(nativeCall(since))).toContain('JSON Schema');
  });
});
