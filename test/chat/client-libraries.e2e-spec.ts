import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const weatherSchema = {
  type: 'object' as const,
  properties: { city: { type: 'string' as const } },
  required: ['city'],
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe("LangChain's ChatOpenAI", () => {
  const model = () =>
    new ChatOpenAI({
      model: HAIKU,
      apiKey: TEST_KEY,
      configuration: { baseURL: `${gw.url}/v1` },
      maxRetries: 0,
    });
  const weatherTool = {
    type: 'function' as const,
    function: { name: 'get_weather', description: 'Weather by city', parameters: weatherSchema },
  };

  it('gets tool calls through bindTools, and an answer after the tool result', async () => {
    const bound = model().bindTools([weatherTool]);
    const first = await bound.invoke([new HumanMessage('get_weather for Rome')]);
    expect(first.tool_calls).toHaveLength(1);
    expect(first.tool_calls![0]).toMatchObject({
      name: 'get_weather',
      args: { city: expect.any(String) },
      id: expect.stringMatching(/^tooluse_/),
    });
    const second = await bound.invoke([
      new HumanMessage('get_weather for Rome'),
      first,
      new ToolMessage({ tool_call_id: first.tool_calls![0].id!, content: 'warm' }),
    ]);
    expect(second.content).toBe('Tool get_weather returned: warm');
  });

  it('assembles streamed tool-call chunks into the same call', async () => {
    const bound = model().bindTools([weatherTool]);
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await bound.stream([new HumanMessage('get_weather for Oslo')])) {
      merged = merged ? merged.concat(chunk) : chunk;
    }
    expect(merged!.tool_calls).toHaveLength(1);
    expect(merged!.tool_calls![0]).toMatchObject({ name: 'get_weather', args: { city: expect.any(String) } });
  });
});

describe('The Vercel AI SDK (OpenAI-compatible provider)', () => {
  const provider = () =>
    createOpenAICompatible({
      name: 'bedrock-gateway',
      baseURL: `${gw.url}/v1`,
      apiKey: TEST_KEY,
      includeUsage: true,
    });
  const tools = () => ({
    get_weather: tool({
      description: 'Weather by city',
      inputSchema: jsonSchema<{ city: string }>(weatherSchema),
      execute: async ({ city }) => `${city}: sunny`,
    }),
  });

  it('runs a tool and answers with its result (generateText, two steps)', async () => {
    const since = mark(gw.emulator);
    const result = await generateText({
      model: provider().chatModel(HAIKU),
      tools: tools(),
      stopWhen: stepCountIs(3),
      prompt: 'get_weather for Lima',
    });
    expect(result.steps.map((s) => s.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(result.text).toMatch(/^Tool get_weather returned: .*: sunny$/);
    expect(runtimeRequests(gw.emulator, since).map((e) => e.operation)).toEqual(['Converse', 'Converse']);
  });

  it('streams a tool call it can parse and execute (streamText)', async () => {
    const result = streamText({
      model: provider().chatModel(HAIKU),
      tools: tools(),
      stopWhen: stepCountIs(3),
      prompt: 'get_weather for Quito',
    });
    const parts: string[] = [];
    for await (const part of result.fullStream) {
      if (part.type === 'error') throw part.error;
      parts.push(part.type);
    }
    expect(parts).toContain('tool-call');
    expect(parts).toContain('tool-result');
    expect(await result.text).toMatch(/^Tool get_weather returned: .*: sunny$/);
    expect((await result.totalUsage).inputTokens).toBeGreaterThan(0);
  });
});
