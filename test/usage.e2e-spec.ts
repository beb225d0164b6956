import { CapturingLogger } from './support/capturing-logger';
import { startTestGateway, TestGateway } from './support/gateway.harness';
import { openSse, postSse } from './support/sse';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
let gw: TestGateway;
const logs = new CapturingLogger();
/** The one line per request (its usage fields are the usage accounting). */
const usageLines = () => logs.in('Request').filter((l) => l.route === '/v1/chat/completions');

beforeAll(async () => {
  gw = await startTestGateway({ LOG_LEVEL: 'info', DEFAULT_MODEL: HAIKU }, {}, { logger: logs });
});
afterAll(() => gw.close());
beforeEach(() => logs.entries.splice(0));

describe('usage accounting', () => {
  it('logs one structured usage line per JSON completion, keyed by key name and model', async () => {
    const res = await gw.openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'three small words' }],
    });
    const lines = usageLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      key: 'default',
      dialect: 'openai',
      model: 'gpt-4o-mini',
      modelId: HAIKU,
      stream: false,
      status: 200,
      outcome: 'ok',
      promptTokens: res.usage!.prompt_tokens,
      completionTokens: res.usage!.completion_tokens,
      cachedTokens: 0,
    });
    expect(lines[0].requestId).toEqual(expect.any(String));
    expect(lines[0].durationMs).toEqual(expect.any(Number));
    expect(lines[0].bedrockMs).toEqual(expect.any(Number));
    expect(lines[0].overheadMs).toEqual(expect.any(Number));
  });

  it("accounts a stream's usage even when the client did not ask for the usage chunk", async () => {
    const res = await postSse(gw.url, {
      model: HAIKU,
      stream: true,
      messages: [{ role: 'user', content: 'stream and count' }],
    });
    expect(res.frames.at(-1)).toBe('[DONE]');
    expect(res.json.some((c) => 'usage' in c)).toBe(false);
    expect(usageLines()).toEqual([
      expect.objectContaining({ stream: true, outcome: 'ok', promptTokens: 3, completionTokens: 5 }),
    ]);
  });

  it('records a stream that failed part-way as an error', async () => {
    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2, match: { operation: 'ConverseStream' } });
    await postSse(gw.url, { model: HAIKU, stream: true, messages: [{ role: 'user', content: 'breaks' }] });
    expect(usageLines()).toEqual([
      expect.objectContaining({
        stream: true,
        status: 200,
        outcome: 'error',
        errorType: 'ModelStreamErrorException',
      }),
    ]);
  });

  it('records a stream the client abandoned as an error', async () => {
    gw.emulator.config.chunkDelayMs = 50;
    try {
      const sse = await openSse(gw.url, {
        model: HAIKU,
        stream: true,
        messages: [{ role: 'user', content: 'one two three four five six seven' }],
      });
      await sse.next();
      sse.hangUp();
      for (let i = 0; i < 100 && usageLines().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(usageLines()).toEqual([
        expect.objectContaining({ stream: true, outcome: 'client_gone', errorType: 'ClientGoneError' }),
      ]);
    } finally {
      gw.emulator.config.chunkDelayMs = 0;
    }
  });

  it('records a request that failed before any answer with its status and error type, and no tokens', async () => {
    await gw.openai.chat.completions
      .create({ model: HAIKU, messages: [{ role: 'user', content: 'x' }], temperature: 3 })
      .catch(() => undefined);
    const lines = usageLines();
    expect(lines).toEqual([
      expect.objectContaining({ status: 400, outcome: 'error', errorType: expect.any(String) }),
    ]);
    expect(lines[0].promptTokens).toBeUndefined();
  });
});
