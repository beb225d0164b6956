import { CapturingLogger } from '../support/capturing-logger';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
let gw: TestGateway;
const logs = new CapturingLogger();
const usageLines = () => logs.in('Request').filter((l) => l.endpoint === 'responses');

beforeAll(async () => {
  gw = await startTestGateway({ LOG_LEVEL: 'info' }, {}, { logger: logs });
});
afterAll(() => gw.close());
beforeEach(() => logs.entries.splice(0));

describe('usage accounting of /v1/responses (as for chat completions)', () => {
  it('logs one usage line for a JSON response and one for a stream when it ends', async () => {
    const res = await gw.openai.responses.create({ model: HAIKU, input: 'count these words', store: false });
    const stream = await gw.openai.responses.create({
      model: HAIKU,
      input: 'and these',
      stream: true,
      store: false,
    });
    for await (const _event of stream) void _event;
    expect(usageLines()).toEqual([
      expect.objectContaining({
        key: 'default',
        endpoint: 'responses',
        model: HAIKU,
        modelId: HAIKU,
        stream: false,
        outcome: 'ok',
        promptTokens: res.usage!.input_tokens,
        completionTokens: res.usage!.output_tokens,
      }),
      expect.objectContaining({
        endpoint: 'responses',
        stream: true,
        outcome: 'ok',
        promptTokens: 2,
        completionTokens: 4,
      }),
    ]);
  });

  it('records a stream that failed part-way as an error', async () => {
    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2, match: { operation: 'ConverseStream' } });
    const stream = await gw.openai.responses.create({
      model: HAIKU,
      input: 'breaks',
      stream: true,
      store: false,
    });
    // The SDK hands the error event over like any other (as it does with OpenAI's own).
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('error');
    expect(usageLines()).toEqual([
      expect.objectContaining({ endpoint: 'responses', stream: true, outcome: 'error' }),
    ]);
  });

  it('stops the Bedrock stream when the client goes away, and records it as an error', async () => {
    gw.emulator.config.chunkDelayMs = 50;
    try {
      const since = gw.emulator.requests().at(-1)?.seq ?? 0;
      const stream = await gw.openai.responses.create({
        model: HAIKU,
        input: 'a long answer that takes a while to stream out, word by word, slowly',
        stream: true,
        store: false,
      });
      let seen = 0;
      for await (const _event of stream) if (++seen === 4) break;
      const entry = await gw.emulator.waitForRequest(
        (e) => e.seq > since && e.operation === 'ConverseStream',
      );
      expect(entry.outcome).toBe('aborted');
      await new Promise((r) => setTimeout(r, 50));
      expect(usageLines()).toEqual([
        expect.objectContaining({ endpoint: 'responses', stream: true, outcome: 'client_gone' }),
      ]);
    } finally {
      gw.emulator.config.chunkDelayMs = 0;
    }
  });
});
