import { UsageRecorder } from '../src/usage/usage.recorder';
import { startTestGateway, TestGateway } from './support/gateway.harness';
import { postSse } from './support/sse-client';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ask = { model: MODEL, messages: [{ role: 'user' as const, content: 'Count the waves' }] };

describe('usage accounting on chat completions', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const totals = () =>
    gw.app
      .get(UsageRecorder)
      .snapshot()
      .find((t) => t.model === MODEL);

  it('records a JSON answer and a finished stream with the tokens the client was told, and a failed stream as an error', async () => {
    const completion = await gw.openai.chat.completions.create(ask);
    const stream = await postSse(gw.url, { ...ask, stream_options: { include_usage: true } });
    const streamUsage = (
      JSON.parse(stream.data[stream.data.length - 2]) as { usage: { completion_tokens: number } }
    ).usage;
    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2 });
    await postSse(gw.url, ask);
    // The failed stream settles as the gateway writes its error frame; give the listener its turn.
    await new Promise((resolve) => setImmediate(resolve));
    expect(totals()).toMatchObject({
      requests: 3,
      errors: 1,
      completionTokens: completion.usage!.completion_tokens + streamUsage.completion_tokens,
    });
  });
});
