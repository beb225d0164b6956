import { CapturingLogger } from '../support/capturing-logger';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
let gw: TestGateway;
const logs = new CapturingLogger();
const usageLines = () => logs.in('Usage');

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
});
