import { APIError } from 'openai';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

const PROMPT = 'one two three four';

/** Every family with a native API: where its body carries the prompt. */
const FAMILIES: [string, string, (body: Record<string, unknown>) => void][] = [
  [
    'llama (prompt as written)',
    'meta.llama3-1-70b-instruct-v1:0',
    (b) => expect(b).toMatchObject({ prompt: PROMPT }),
  ],
  [
    'mistral 7B (prompt as written)',
    'mistral.mistral-7b-instruct-v0:2',
    (b) => expect(b).toMatchObject({ prompt: PROMPT }),
  ],
  [
    'titan text (prompt as written)',
    'amazon.titan-text-express-v1',
    (b) => expect(b).toMatchObject({ inputText: PROMPT }),
  ],
  [
    'deepseek R1 (prompt as written)',
    'us.deepseek.r1-v1:0',
    (b) => expect(b).toMatchObject({ prompt: PROMPT }),
  ],
  [
    'claude (one user turn)',
    'anthropic.claude-3-haiku-20240307-v1:0',
    (b) => expect(JSON.stringify(b.messages)).toContain(PROMPT),
  ],
  [
    'nova (one user turn)',
    'amazon.nova-pro-v1:0',
    (b) => expect(JSON.stringify(b.messages)).toContain(PROMPT),
  ],
  [
    'cohere command R (one user turn)',
    'cohere.command-r-plus-v1:0',
    (b) => expect(b).toMatchObject({ message: PROMPT }),
  ],
  [
    'mistral large (one user turn)',
    'mistral.mistral-large-2402-v1:0',
    (b) => expect(JSON.stringify(b.messages)).toContain(PROMPT),
  ],
];

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

function invoked(since: number, operation: string): Record<string, unknown>[] {
  const calls = runtimeRequests(gw.emulator, since);
  expect(calls.map((c) => c.operation)).toEqual(calls.map(() => operation));
  return calls.map((c) => c.body as Record<string, unknown>);
}

describe('POST /v1/completions (official openai client)', () => {
  it.each(FAMILIES)('%s: a text_completion through native InvokeModel', async (_name, model, check) => {
    const since = mark(gw.emulator);
    const res = await gw.openai.completions.create({ model, prompt: PROMPT, max_tokens: 40 });
    expect(res).toMatchObject({
      object: 'text_completion',
      model,
      choices: [{ index: 0, logprobs: null, finish_reason: 'stop' }],
    });
    expect(res.id).toMatch(/^cmpl-/);
    expect(res.choices[0].text.length).toBeGreaterThan(0);
    expect(res.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(res.usage!.total_tokens).toBe(res.usage!.prompt_tokens + res.usage!.completion_tokens);
    const [body] = invoked(since, 'InvokeModel');
    check(body);
  });

  it.each(FAMILIES)('%s: streamed, with the usage chunk', async (_name, model, check) => {
    const since = mark(gw.emulator);
    const stream = await gw.openai.completions.create({
      model,
      prompt: PROMPT,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown;
    for await (const c of stream) {
      expect(c.object).toBe('text_completion');
      text += c.choices[0]?.text ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      if (c.usage) usage = c.usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
    const [body] = invoked(since, 'InvokeModelWithResponseStream');
    check(body);
  });

  it('answers several prompts × n choices, numbered as OpenAI does, and echoes the prompt', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.completions.create({
      model: 'mistral.mistral-7b-instruct-v0:2',
      prompt: ['alpha beta', 'gamma delta'],
      n: 2,
      echo: true,
      stop: ['END'],
      temperature: 0.5,
    });
    expect(res.choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(res.choices[0].text.startsWith('alpha beta')).toBe(true);
    expect(res.choices[3].text.startsWith('gamma delta')).toBe(true);
    const bodies = invoked(since, 'InvokeModel');
    expect(bodies.map((b) => b.prompt)).toEqual(['alpha beta', 'alpha beta', 'gamma delta', 'gamma delta']);
    expect(bodies[0]).toMatchObject({ stop: ['END'], temperature: 0.5 });
  });

  it.each([
    ['logprobs', { logprobs: 2 }],
    ['best_of', { best_of: 3 }],
    ['suffix', { suffix: ' and that is all' }],
    ['temperature', { temperature: 1.5 }],
    ['prompt', { prompt: [1, 2, 3] }],
  ])('refuses %s with a 400 naming the field, before any Bedrock call', async (param, extra) => {
    const since = mark(gw.emulator);
    const err = await gw.openai.completions
      .create({ model: 'meta.llama3-1-70b-instruct-v1:0', prompt: PROMPT, ...extra } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toMatchObject({ status: 400, error: { param } });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('refuses a model whose family has no native API here (an imported model MODEL_API gives none) with a 400', async () => {
    const since = mark(gw.emulator);
    const err = await gw.openai.completions
      .create({ model: 'arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123xyz', prompt: PROMPT })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, error: { param: 'model', code: 'unsupported_model' } });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('refuses a stop sequence where the native body has none (Llama), naming the field', async () => {
    const err = await gw.openai.completions
      .create({ model: 'meta.llama3-1-70b-instruct-v1:0', prompt: PROMPT, stop: 'END' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, error: { param: 'stop' } });
  });
});
