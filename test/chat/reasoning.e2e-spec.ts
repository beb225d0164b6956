import type OpenAI from 'openai';
import { lastRuntimeBody, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';

type Msg = OpenAI.Chat.ChatCompletionMessageParam;
/** The reasoning fields the gateway adds to OpenAI's assistant message. */
type WithReasoning = {
  reasoning_content?: string;
  reasoning_details?: { type: string; text?: string; signature?: string }[];
};
type ConverseBody = {
  inferenceConfig?: Record<string, number>;
  additionalModelRequestFields?: Record<string, unknown>;
  messages: { role: string; content: Record<string, unknown>[] }[];
};

const SONNET_37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const R1 = 'us.deepseek.r1-v1:0';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const tools: OpenAI.Chat.ChatCompletionFunctionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time',
      parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
    },
  },
];

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('reasoning_effort on Claude (extended thinking)', () => {
  it('becomes a thinking budget below max_tokens, and the reasoning comes back beside, not inside, the content', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: SONNET_37,
      reasoning_effort: 'low',
      messages: [{ role: 'user', content: 'why is the sky blue' }],
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
    expect(body.inferenceConfig).toEqual({ maxTokens: 2048 + 4096 });
    const message = res.choices[0].message as (typeof res.choices)[0]['message'] & WithReasoning;
    expect(message.content).toBe('You said: why is the sky blue');
    expect(message.reasoning_content).toBe('Thinking about the request: You said: why is the sky blue');
    expect(message.reasoning_details).toEqual([
      { type: 'reasoning.text', text: message.reasoning_content, signature: expect.any(String) },
    ]);
    expect(res.usage?.completion_tokens_details).toBeUndefined();
  });

  it("keeps the budget below the client's max_tokens, and drops the sampling settings thinking does not allow", async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: SONNET_37,
      reasoning_effort: 'high',
      max_completion_tokens: 3000,
      temperature: 0.2,
      top_p: 0.5,
      messages: [{ role: 'user', content: 'x' }],
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2999 } });
    expect(body.inferenceConfig).toEqual({ maxTokens: 3000 });
  });

  it("refuses a max_tokens too small for Bedrock's minimum budget, and a forced tool, with 400s", async () => {
    await expect(
      gw.openai.chat.completions.create({
        model: SONNET_37,
        reasoning_effort: 'low',
        max_tokens: 800,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { param: 'max_tokens' },
    });
    await expect(
      gw.openai.chat.completions.create({
        model: SONNET_37,
        reasoning_effort: 'low',
        tools,
        tool_choice: 'required',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { param: 'tool_choice', code: 'unsupported_combination' },
    });
  });

  it('streams reasoning as reasoning_content deltas and the signed block whole in reasoning_details', async () => {
    const res = await postSse(gw.url, {
      model: SONNET_37,
      stream: true,
      reasoning_effort: 'minimal',
      messages: [{ role: 'user', content: 'think aloud' }],
    });
    const deltas = res.json.map(
      (c) => (c as { choices: { delta: Record<string, unknown> }[] }).choices[0]?.delta ?? {},
    );
    const reasoning = deltas.map((d) => (d.reasoning_content as string | undefined) ?? '').join('');
    expect(reasoning).toBe('Thinking about the request: You said: think aloud');
    expect(deltas.map((d) => d.content ?? '').join('')).toBe('You said: think aloud');
    const details = deltas.flatMap((d) => (d.reasoning_details as unknown[] | undefined) ?? []);
    expect(details).toEqual([
      { type: 'reasoning.text', text: reasoning, signature: expect.any(String), index: 0 },
    ]);
  });

  it('passes Claude-specific fields from extra_body through (anthropic_beta, thinking)', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: SONNET_37,
      messages: [{ role: 'user', content: 'x' }],
      // What the OpenAI SDKs' extra_body produces: these fields land at the top level of the JSON.
      ...({
        anthropic_beta: ['token-efficient-tools-2025-02-19'],
        thinking: { type: 'enabled', budget_tokens: 1500 },
      } as object),
    });
    expect(lastRuntimeBody<ConverseBody>(gw.emulator, since).additionalModelRequestFields).toEqual({
      anthropic_beta: ['token-efficient-tools-2025-02-19'],
      thinking: { type: 'enabled', budget_tokens: 1500 },
    });
  });
});

describe('a multi-turn agent loop with thinking', () => {
  it('works when the client appends the assistant messages it received, as they came', async () => {
    const messages: Msg[] = [{ role: 'user', content: 'use get_weather for Paris' }];
    const since = mark(gw.emulator);
    const steps: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      const res = await gw.openai.chat.completions.create({
        model: SONNET_37,
        reasoning_effort: 'minimal',
        tools,
        messages,
      });
      const message = res.choices[0].message;
      messages.push(message as Msg);
      if (res.choices[0].finish_reason !== 'tool_calls') {
        steps.push('answer');
        break;
      }
      for (const call of message.tool_calls as OpenAI.Chat.ChatCompletionMessageFunctionToolCall[]) {
        steps.push(call.function.name);
        // The first tool's result points the agent at the second tool.
        const result = call.function.name === 'get_weather' ? 'sunny; now ask get_time' : '12:00';
        messages.push({ role: 'tool', tool_call_id: call.id, content: result });
      }
    }
    expect(steps).toEqual(['get_weather', 'get_time', 'answer']);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: 'Tool get_time returned: 12:00' });
    // Every turn ran with thinking, and the later turns carried the earlier signed thinking back to Bedrock.
    const sent = runtimeRequests(gw.emulator, since).map((e) => e.body as ConverseBody);
    expect(sent).toHaveLength(3);
    expect(
      sent.every((b) => (b.additionalModelRequestFields?.thinking as { type: string }).type === 'enabled'),
    ).toBe(true);
    const lastTurns = sent[2].messages.filter((m) => m.role === 'assistant');
    expect(lastTurns.map((m) => Object.keys(m.content[0])[0])).toEqual([
      'reasoningContent',
      'reasoningContent',
    ]);
    expect(runtimeRequests(gw.emulator, since).every((e) => e.status === 200)).toBe(true);
  });

  it('answers without thinking, instead of failing, when the client dropped the signed thinking of a tool turn', async () => {
    const first = await gw.openai.chat.completions.create({
      model: SONNET_37,
      reasoning_effort: 'minimal',
      tools,
      messages: [{ role: 'user', content: 'get_time please' }],
    });
    const {
      reasoning_details: _dropped,
      reasoning_content: _also,
      ...bare
    } = first.choices[0].message as (typeof first.choices)[0]['message'] & WithReasoning;
    const call = first.choices[0].message.tool_calls![0];
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: SONNET_37,
      reasoning_effort: 'minimal',
      tools,
      messages: [
        { role: 'user', content: 'get_time please' },
        bare as Msg,
        { role: 'tool', tool_call_id: call.id, content: 'noon' },
      ],
    });
    expect(res.choices[0].message.content).toBe('Tool get_time returned: noon');
    expect(lastRuntimeBody<ConverseBody>(gw.emulator, since).additionalModelRequestFields).toBeUndefined();
  });
});

describe('other families', () => {
  it('always surfaces DeepSeek R1 reasoning as reasoning_content, never as <think> text in content', async () => {
    const res = await gw.openai.chat.completions.create({
      model: R1,
      messages: [{ role: 'user', content: 'two plus two' }],
    });
    const message = res.choices[0].message as (typeof res.choices)[0]['message'] & WithReasoning;
    expect(message.content).toBe('You said: two plus two');
    expect(message.reasoning_content).toBe('Thinking about the request: You said: two plus two');
    const stream = await postSse(gw.url, {
      model: R1,
      stream: true,
      messages: [{ role: 'user', content: 'two plus two' }],
    });
    const deltas = stream.json.map(
      (c) => (c as { choices: { delta: Record<string, string> }[] }).choices[0]?.delta ?? {},
    );
    expect(deltas.map((d) => d.reasoning_content ?? '').join('')).toBe(message.reasoning_content);
    expect(deltas.map((d) => d.content ?? '').join('')).not.toContain('Thinking');
  });

  it('refuses reasoning_effort for a model that cannot reason, but accepts minimal', async () => {
    await expect(
      gw.openai.chat.completions.create({
        model: HAIKU,
        reasoning_effort: 'high',
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { param: 'reasoning_effort', code: 'unsupported_feature' },
    });
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      reasoning_effort: 'minimal',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(res.choices[0].message.content).toBe('You said: x');
  });
});
