import OpenAI, { APIError } from 'openai';
import { LimitsStats } from '../../src/limits/limits.stats';
import { CapturingLogger } from '../support/capturing-logger';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { writePolicyFile } from './policy-file';

const PRIMARY = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const BIG = 'amazon.nova-pro-v1:0'; // 300k tokens of context against Claude 3.5's 200k
const hi = { model: PRIMARY, messages: [{ role: 'user' as const, content: 'hi' }] };

// The primary falls back to Llama, then Haiku; its prompt-too-long fallback is a larger-window model.
const policy = writePolicyFile(`
keys:
  - name: open-team
    key: sk-open
  - name: claude-only
    key: sk-claude
    models: ["anthropic.*"]
fallbacks:
  ${PRIMARY}: [${LLAMA}, ${HAIKU}]
context_fallbacks:
  ${PRIMARY}: [${BIG}]
`);

let gw: TestGateway;
let open: OpenAI;
let claudeOnly: OpenAI;
const logs = new CapturingLogger();
const operations = (since: number) => runtimeRequests(gw.emulator, since).map((e) => [e.modelId, e.status]);

beforeAll(async () => {
  gw = await startTestGateway(
    { API_KEY: '', API_KEYS_FILE: policy.path, BEDROCK_MAX_ATTEMPTS: '1', LOG_LEVEL: 'info' },
    {},
    { logger: logs },
  );
  open = gw.clientFor('/v1', 'sk-open');
  claudeOnly = gw.clientFor('/v1', 'sk-claude');
});
afterAll(async () => {
  await gw.close();
  policy.remove();
});
beforeEach(() => {
  gw.emulator.faults.clear();
  logs.entries.splice(0);
});

const throttlePrimary = () =>
  gw.emulator.faults.add({
    kind: 'error',
    errorType: 'ThrottlingException',
    match: { modelId: PRIMARY },
    times: 'always',
  });

describe('fallback chains', () => {
  it('answers from the fallback, once, when the primary is throttled; header and usage line name it', async () => {
    throttlePrimary();
    const since = mark(gw.emulator);
    const before = gw.app.get(LimitsStats).snapshot().fallbacks[`${PRIMARY} → ${LLAMA}`] ?? 0;
    const { data, response } = await open.chat.completions.create(hi).withResponse();
    expect(data.model).toBe(PRIMARY); // `model` stays as asked
    expect(data.choices[0].message.content).toBe('You said: hi');
    expect(response.headers.get('x-gateway-model')).toBe(LLAMA);
    expect(operations(since)).toEqual([
      [PRIMARY, 429],
      [LLAMA, 200],
    ]);
    const usage = logs.in('Request');
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      key: 'open-team',
      model: PRIMARY,
      modelId: LLAMA,
      servedModel: LLAMA,
      fallbacks: 1,
    });
    // The counter a metrics exporter reads.
    expect(gw.app.get(LimitsStats).snapshot().fallbacks[`${PRIMARY} → ${LLAMA}`]).toBe(before + 1);
  });

  it('falls back before the first byte of a stream too', async () => {
    throttlePrimary();
    const since = mark(gw.emulator);
    const { data: stream, response } = await open.chat.completions
      .create({ ...hi, stream: true })
      .withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('You said: hi');
    expect(response.headers.get('x-gateway-model')).toBe(LLAMA);
    expect(operations(since)).toEqual([
      [PRIMARY, 429],
      [LLAMA, 200],
    ]);
  });

  it('never retries a stream that failed after it started', async () => {
    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2, match: { modelId: PRIMARY } });
    const since = mark(gw.emulator);
    const stream = await open.chat.completions.create({ ...hi, stream: true });
    const read = async () => {
      for await (const _ of stream) void _;
    };
    await expect(read()).rejects.toThrow();
    expect(runtimeRequests(gw.emulator, since).map((e) => e.modelId)).toEqual([PRIMARY]);
  });

  it('skips a fallback the key may not use and takes the next one it may', async () => {
    throttlePrimary();
    const since = mark(gw.emulator);
    const { response } = await claudeOnly.chat.completions.create(hi).withResponse();
    expect(response.headers.get('x-gateway-model')).toBe(HAIKU);
    expect(operations(since)).toEqual([
      [PRIMARY, 429],
      [HAIKU, 200],
    ]);
  });

  it('refuses a model outside the key allow-list before calling Bedrock', async () => {
    const since = mark(gw.emulator);
    const err = (await claudeOnly.chat.completions
      .create({ ...hi, model: LLAMA })
      .catch((e: unknown) => e)) as APIError;
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_not_allowed');
    expect(runtimeRequests(gw.emulator, since)).toHaveLength(0);
  });

  it('sends a prompt too long for the primary to its larger-window fallback only', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ValidationException',
      message: 'Input is too long for requested model.',
      match: { modelId: PRIMARY },
    });
    const since = mark(gw.emulator);
    const { response } = await open.chat.completions.create(hi).withResponse();
    expect(response.headers.get('x-gateway-model')).toBe(BIG);
    expect(operations(since)).toEqual([
      [PRIMARY, 400],
      [BIG, 200],
    ]);
  });

  it('does not fall back on a request Bedrock rejects as invalid', async () => {
    gw.emulator.faults.add({ kind: 'error', errorType: 'ValidationException', match: { modelId: PRIMARY } });
    const since = mark(gw.emulator);
    const err = (await open.chat.completions.create(hi).catch((e: unknown) => e)) as APIError;
    expect(err.status).toBe(400);
    expect(runtimeRequests(gw.emulator, since)).toHaveLength(1);
  });

  it('reports the last error when every model of the chain is throttled', async () => {
    gw.emulator.faults.add({ kind: 'error', errorType: 'ThrottlingException', times: 'always' });
    const since = mark(gw.emulator);
    const err = (await open.chat.completions.create(hi).catch((e: unknown) => e)) as APIError;
    expect(err.status).toBe(429);
    expect(runtimeRequests(gw.emulator, since).map((e) => e.modelId)).toEqual([PRIMARY, LLAMA, HAIKU]);
  });
});
