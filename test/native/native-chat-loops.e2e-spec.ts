import { APIError } from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';

/**
 * Agent loops, reasoning and refusals over native InvokeModel, with the official openai client: what each
 * family's native body carries on the second turn of a tool loop, streamed tool calls, DeepSeek R1's and
 * Claude's reasoning kept apart from the answer, and the 400s for what a native API cannot say.
 */
const MODELS = {
  claude: 'anthropic.claude-3-haiku-20240307-v1:0',
  claudeThinking: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
  llama: 'meta.llama3-1-70b-instruct-v1:0',
  mistralChat: 'mistral.mistral-large-2402-v1:0',
  cohere: 'cohere.command-r-plus-v1:0',
  deepseek: 'us.deepseek.r1-v1:0',
  nova: 'amazon.nova-pro-v1:0',
} as const;

const weather: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather by city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** Where each family's native body puts the answer to a tool call on the next turn. */
const TOOL_RESULT_IN_BODY: Record<string, (body: Record<string, unknown>) => unknown> = {
  claude: (b) => (b.messages as { content: unknown[] }[]).at(-1)!.content[0],
  mistralChat: (b) => (b.messages as unknown[]).at(-1),
  cohere: (b) => (b.tool_results as unknown[])[0],
  nova: (b) => (b.messages as { content: unknown[] }[]).at(-1)!.content[0],
};
const EXPECTED_RESULT: Record<string, (id: string) => unknown> = {
  claude: (id) => ({ type: 'tool_result', tool_use_id: id, content: [{ type: 'text', text: 'sunny' }] }),
  mistralChat: (id) => ({ role: 'tool', tool_call_id: id, content: 'sunny' }),
  cohere: () => ({
    call: { name: 'get_weather', parameters: { city: 'city-sample' } },
    outputs: [{ text: 'sunny' }],
  }),
  nova: (id) => ({ toolResult: { toolUseId: id, content: [{ text: 'sunny' }] } }),
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({
    MODEL_API:
      '*anthropic.claude*=native,meta.llama3*=native,mistral.*=native,cohere.command*=native,*deepseek.r1*=native,amazon.nova-pro*=native',
  });
});
afterAll(() => gw.close());

function nativeBodies(since: number, operation = 'InvokeModel'): Record<string, unknown>[] {
  const calls = runtimeRequests(gw.emulator, since);
  expect(calls.map((c) => c.operation)).toEqual(calls.map(() => operation));
  return calls.map((c) => c.body as Record<string, unknown>);
}

describe('agent loops over native InvokeModel', () => {
  it.each(Object.keys(TOOL_RESULT_IN_BODY))(
    '%s: a tool call, its result in the native body of the next turn, and the final answer',
    async (name) => {
      const model = MODELS[name as keyof typeof MODELS];
      const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'use get_weather please' }];
      const first = await gw.openai.chat.completions.create({ model, messages, tools: [weather] });
      expect(first.choices[0].finish_reason).toBe('tool_calls');
      const call = first.choices[0].message.tool_calls![0];
      expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
        city: 'city-sample',
      });

      const since = mark(gw.emulator);
      messages.push(first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'sunny' });
      const second = await gw.openai.chat.completions.create({ model, messages, tools: [weather] });
      expect(second.choices[0]).toMatchObject({
        finish_reason: 'stop',
        message: { content: expect.stringContaining('Tool get_weather returned: sunny') },
      });
      const [body] = nativeBodies(since);
      expect(TOOL_RESULT_IN_BODY[name](body)).toMatchObject(EXPECTED_RESULT[name](call.id) as object);
    },
  );

  it.each(Object.keys(TOOL_RESULT_IN_BODY))('%s: streams tool calls with their arguments', async (name) => {
    const model = MODELS[name as keyof typeof MODELS];
    const since = mark(gw.emulator);
    const stream = await gw.openai.chat.completions.create({
      model,
      stream: true,
      messages: [{ role: 'user', content: 'call get_weather' }],
      tools: [weather],
    });
    let args = '';
    let toolName = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      for (const t of chunk.choices[0]?.delta.tool_calls ?? []) {
        toolName += t.function?.name ?? '';
        args += t.function?.arguments ?? '';
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(toolName).toBe('get_weather');
    expect(JSON.parse(args)).toEqual({ city: 'city-sample' });
    expect(finish).toBe('tool_calls');
    nativeBodies(since, 'InvokeModelWithResponseStream');
  });

  it('Claude: parallel_tool_calls false becomes disable_parallel_tool_use', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: MODELS.claude,
      messages: [{ role: 'user', content: 'get_weather' }],
      tools: [weather],
      parallel_tool_calls: false,
    });
    expect(nativeBodies(since)[0]).toMatchObject({
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    });
  });
});

describe('reasoning over native InvokeModel', () => {
  it('DeepSeek R1: reasoning apart from the answer, whole and streamed', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: MODELS.deepseek,
      messages: [{ role: 'user', content: 'why is the sky blue' }],
    });
    const message = res.choices[0].message as { content: string | null; reasoning_content?: string };
    expect(message.content).toBe('You said: why is the sky blue');
    expect(message.reasoning_content).toBe('Thinking about the request: You said: why is the sky blue');
    expect(nativeBodies(since)[0].prompt).toMatch(/<｜Assistant｜><think>\n$/);

    const stream = await gw.openai.chat.completions.create({
      model: MODELS.deepseek,
      stream: true,
      messages: [{ role: 'user', content: 'why is the sky blue' }],
    });
    let content = '';
    let reasoning = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string };
      content += delta?.content ?? '';
      reasoning += delta?.reasoning_content ?? '';
    }
    expect(content).toBe(message.content);
    expect(reasoning).toBe(message.reasoning_content);
  });

  it('Claude 3.7: reasoning_effort becomes a thinking budget in the native body', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: MODELS.claudeThinking,
      reasoning_effort: 'low',
      messages: [{ role: 'user', content: 'think it over' }],
    });
    const message = res.choices[0].message as { content: string | null; reasoning_content?: string };
    expect(message.content).toBe('You said: think it over');
    expect(message.reasoning_content).toContain('Thinking about the request');
    expect(nativeBodies(since)[0]).toMatchObject({
      max_tokens: 2048 + 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
  });
});

describe('what a native API cannot say', () => {
  it.each([
    ['llama: stop sequences', MODELS.llama, { stop: ['END'] }, 'stop'],
    [
      'mistral large: a named tool',
      MODELS.mistralChat,
      { tools: [weather], tool_choice: { type: 'function', function: { name: 'get_weather' } } },
      'tool_choice',
    ],
    [
      'cohere: a required tool call',
      MODELS.cohere,
      { tools: [weather], tool_choice: 'required' },
      'tool_choice',
    ],
    ['deepseek r1: a prefilled answer', MODELS.deepseek, { prefill: true }, 'messages'],
  ] as const)('%s is a 400 naming it, and nothing reaches Bedrock', async (_name, model, extra, param) => {
    const since = mark(gw.emulator);
    const { prefill, ...fields } = { prefill: false, ...extra } as Record<string, unknown>;
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'x' }];
    if (prefill) messages.push({ role: 'assistant', content: 'Sure' });
    const err = await gw.openai.chat.completions
      .create({ model, messages, ...fields } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toMatchObject({
      status: 400,
      error: { param, message: expect.stringContaining('native InvokeModel API') },
    });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });
});
