import { APIError } from 'openai';
import { lastRuntimeBody, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const APP_PROFILE = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ DEFAULT_MODEL: HAIKU });
});
afterAll(() => gw.close());

describe('POST /v1/chat/completions (JSON)', () => {
  it("answers in OpenAI's chat.completion shape, with the model echoed as requested", async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello there friend' },
      ],
    });
    expect(res.id).toMatch(/^chatcmpl-[a-f0-9]{32}$/);
    expect(res.object).toBe('chat.completion');
    expect(Math.abs(res.created - Date.now() / 1000)).toBeLessThan(60);
    expect(res.model).toBe(HAIKU);
    expect(res.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'You said: hello there friend', refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    // The emulator counts one token per word: 2 system + 3 user words in, 5 words out.
    expect(res.usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 5,
      total_tokens: 10,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    const body = lastRuntimeBody(gw.emulator, since);
    expect(runtimeRequests(gw.emulator, since)[0]).toMatchObject({
      operation: 'Converse',
      modelId: HAIKU,
      outcome: 'completed',
    });
    expect(body).toEqual({
      system: [{ text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ text: 'hello there friend' }] }],
    });
  });

  it('maps max_completion_tokens (over max_tokens), temperature, top_p and stop into inferenceConfig', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 50,
      max_completion_tokens: 40,
      temperature: 0.3,
      top_p: 0.9,
      stop: 'END',
    });
    expect(lastRuntimeBody(gw.emulator, since)).toMatchObject({
      inferenceConfig: { maxTokens: 40, temperature: 0.3, topP: 0.9, stopSequences: ['END'] },
    });
  });

  it('reports finish_reason "length" when max_tokens cuts the answer', async () => {
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'one two three four five six' }],
      max_tokens: 3,
    });
    expect(res.choices[0].finish_reason).toBe('length');
    expect(res.choices[0].message.content).toBe('You said: one');
    expect(res.usage?.completion_tokens).toBe(3);
  });

  it('stops at a stop sequence with finish_reason "stop"', async () => {
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'alpha beta HALT gamma' }],
      stop: ['HALT', 'NEVER'],
    });
    expect(res.choices[0]).toMatchObject({
      finish_reason: 'stop',
      message: { content: 'You said: alpha beta ' },
    });
  });

  it('collects system and developer messages in order, merges consecutive user turns and text parts', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [
        { role: 'system', content: 'First rule.' },
        { role: 'developer', content: [{ type: 'text', text: 'Second rule.' }] },
        { role: 'user', content: 'part one' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'part two' },
            { type: 'text', text: '   ' },
          ],
        },
        { role: 'assistant', content: 'noted' },
        { role: 'user', content: 'go on' },
      ],
    });
    expect(lastRuntimeBody(gw.emulator, since)).toEqual({
      system: [{ text: 'First rule.' }, { text: 'Second rule.' }],
      messages: [
        { role: 'user', content: [{ text: 'part one' }, { text: 'part two' }] },
        { role: 'assistant', content: [{ text: 'noted' }] },
        { role: 'user', content: [{ text: 'go on' }] },
      ],
    });
  });

  it('passes user and metadata on as Bedrock requestMetadata, and accepts OpenAI fields Bedrock has no use for', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'hi' }],
      user: 'user-42',
      metadata: { team: 'search' },
      frequency_penalty: 0.5,
      presence_penalty: 0.1,
      seed: 7,
      logit_bias: { '50256': -100 },
      store: false,
      n: 1,
    });
    expect(res.choices[0].message.content).toBe('You said: hi');
    const body = lastRuntimeBody(gw.emulator, since);
    expect(body.requestMetadata).toEqual({ user: 'user-42', team: 'search' });
    expect(Object.keys(body).sort()).toEqual(['messages', 'requestMetadata']);
  });
});

describe('model ids', () => {
  it('sends DEFAULT_MODEL for an OpenAI model name, and still echoes the name the client used', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(res.model).toBe('gpt-4o');
    expect(runtimeRequests(gw.emulator, since)[0].modelId).toBe(HAIKU);
  });

  it('passes cross-region profile ids and application-profile ARNs through as the modelId', async () => {
    for (const model of [
      'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      APP_PROFILE,
    ]) {
      const since = mark(gw.emulator);
      const res = await gw.openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(res.model).toBe(model);
      expect(runtimeRequests(gw.emulator, since).map((e) => e.modelId)).toEqual([model]);
    }
  });

  it('takes the family from the model behind a profile: Sonnet 4.5 keeps temperature and drops top_p', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: SONNET_45,
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.5,
      top_p: 0.8,
    });
    expect(res.choices[0].finish_reason).toBe('stop');
    expect(lastRuntimeBody(gw.emulator, since).inferenceConfig).toEqual({ temperature: 0.5 });
  });
});

describe('family adaptations', () => {
  it.each(['amazon.titan-text-express-v1', 'mistral.mistral-7b-instruct-v0:2'])(
    'folds the system prompt into the first user turn for %s, which has none',
    async (model) => {
      const since = mark(gw.emulator);
      const res = await gw.openai.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: 'hello' },
        ],
      });
      expect(res.choices[0].message.content).toBe('You said: Answer in French. hello');
      expect(lastRuntimeBody(gw.emulator, since)).toEqual({
        messages: [{ role: 'user', content: [{ text: 'Answer in French.' }, { text: 'hello' }] }],
      });
    },
  );

  it('refuses with a 400 naming the model and the feature when it cannot adapt, without calling Bedrock', async () => {
    const since = mark(gw.emulator);
    const err = await gw.openai.chat.completions
      .create({
        model: 'amazon.titan-text-express-v1',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [
          { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toMatchObject({
      status: 400,
      error: {
        message: "The model 'amazon.titan-text-express-v1' does not support tool calling.",
        param: 'tools',
        code: 'unsupported_feature',
      },
    });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it("rejects a temperature above Bedrock's range with a 400 rather than changing it", async () => {
    const err = await gw.openai.chat.completions
      .create({ model: HAIKU, messages: [{ role: 'user', content: 'hi' }], temperature: 1.5 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 400,
      error: { param: 'temperature', code: 'decimal_above_max_value' },
    });
  });
});

describe('both base paths', () => {
  it('serves the same API under /api/v1 (Bedrock Access Gateway) and /v1', async () => {
    for (const base of ['/v1', '/api/v1']) {
      const res = await gw
        .clientFor(base)
        .chat.completions.create({ model: HAIKU, messages: [{ role: 'user', content: `via ${base}` }] });
      expect(res.choices[0].message.content).toBe(`You said: via ${base}`);
    }
  });
});
