import { lastRuntimeBody, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

const GPT_OSS = 'openai.gpt-oss-120b-1:0';
const QWEN = 'qwen.qwen3-32b-v1:0';
const weather = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('the worked example: gpt-oss and Qwen families', () => {
  it.each([GPT_OSS, QWEN])(
    '%s is listed and answers through Converse with its system prompt',
    async (model) => {
      expect((await gw.openai.models.list()).data.map((m) => m.id)).toContain(model);
      const since = mark(gw.emulator);
      const res = await gw.openai.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'hello there' },
        ],
      });
      expect(res.choices[0].message.content).toContain('hello there');
      expect(lastRuntimeBody(gw.emulator, since)).toMatchObject({ system: [{ text: 'Be brief.' }] });
    },
  );

  it('gpt-oss: reasoning comes back as reasoning_content, not inside the answer', async () => {
    const res = await gw.openai.chat.completions.create({
      model: GPT_OSS,
      messages: [{ role: 'user', content: 'why' }],
    });
    const message = res.choices[0].message as { content: string; reasoning_content?: string };
    expect(message.reasoning_content).toBeTruthy();
    expect(message.content).not.toContain(message.reasoning_content);
  });

  it('gpt-oss: a streamed request with tools is made without streaming and replayed as a stream', async () => {
    const since = mark(gw.emulator);
    const stream = await gw.openai.chat.completions.create({
      model: GPT_OSS,
      stream: true,
      tools: [weather],
      messages: [{ role: 'user', content: 'What is get_weather in Paris?' }],
    });
    const names: string[] = [];
    for await (const c of stream)
      for (const t of c.choices[0]?.delta.tool_calls ?? []) if (t.function?.name) names.push(t.function.name);
    expect(names).toEqual(['get_weather']);
    expect(runtimeRequests(gw.emulator, since).map((r) => r.operation)).toEqual(['Converse']);
  });

  it('qwen: streams tool calls through ConverseStream', async () => {
    const since = mark(gw.emulator);
    const stream = await gw.openai.chat.completions.create({
      model: QWEN,
      stream: true,
      tools: [weather],
      messages: [{ role: 'user', content: 'What is get_weather in Paris?' }],
    });
    for await (const _ of stream) void _;
    expect(runtimeRequests(gw.emulator, since).map((r) => r.operation)).toEqual(['ConverseStream']);
  });

  it.each([GPT_OSS, QWEN])(
    '%s: legacy completions are refused with a 400 (no native API spoken here yet)',
    async (model) => {
      const err = await gw.openai.completions.create({ model, prompt: 'x' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 400, error: { param: 'model' } });
    },
  );
});
