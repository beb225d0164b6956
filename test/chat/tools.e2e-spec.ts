import type OpenAI from 'openai';
import { lastRuntimeBody, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';

type Msg = OpenAI.Chat.ChatCompletionMessageParam;
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';
const MISTRAL_LARGE = 'mistral.mistral-large-2402-v1:0';

const tools: OpenAI.Chat.ChatCompletionFunctionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        required: ['city', 'unit'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time',
      parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
    },
  },
  { type: 'function', function: { name: 'no_args', description: '' } },
];

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('tool calls (JSON)', () => {
  it("returns OpenAI tool_calls with JSON-string arguments, keeps Claude's text beside them, and sends Bedrock a toolConfig", async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      messages: [{ role: 'user', content: 'What is get_weather in Paris?' }],
    });
    const choice = res.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toMatch(/get_weather/);
    expect(choice.message.tool_calls).toHaveLength(1);
    const call = choice.message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall;
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
    expect(call.id).toMatch(/^tooluse_/);
    const args = JSON.parse(call.function.arguments) as Record<string, unknown>;
    expect(typeof args.city).toBe('string');
    expect(args.unit).toBe('celsius');
    expect(lastRuntimeBody(gw.emulator, since).toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'get_weather',
            description: 'Current weather for a city',
            inputSchema: { json: tools[0].function.parameters },
          },
        },
        { toolSpec: { name: 'get_time', inputSchema: { json: tools[1].function.parameters } } },
        { toolSpec: { name: 'no_args', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
      toolChoice: { auto: {} },
    });
  });

  it('maps tool_choice required → any and a named function → tool', async () => {
    let since = mark(gw.emulator);
    const required = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      tool_choice: 'required',
      messages: [{ role: 'user', content: 'anything' }],
    });
    expect(required.choices[0].finish_reason).toBe('tool_calls');
    expect((lastRuntimeBody(gw.emulator, since).toolConfig as { toolChoice: unknown }).toolChoice).toEqual({
      any: {},
    });
    since = mark(gw.emulator);
    const named = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      tool_choice: { type: 'function', function: { name: 'get_time' } },
      messages: [{ role: 'user', content: 'anything' }],
    });
    expect(
      (named.choices[0].message.tool_calls![0] as OpenAI.Chat.ChatCompletionMessageFunctionToolCall).function
        .name,
    ).toBe('get_time');
    expect((lastRuntimeBody(gw.emulator, since).toolConfig as { toolChoice: unknown }).toolChoice).toEqual({
      tool: { name: 'get_time' },
    });
  });

  it('never yields a tool call with tool_choice none, even when the user asks for the tool', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      tool_choice: 'none',
      messages: [{ role: 'user', content: 'use get_weather now' }],
    });
    expect(res.choices[0].message.tool_calls).toBeUndefined();
    expect(res.choices[0].finish_reason).toBe('stop');
    expect(lastRuntimeBody(gw.emulator, since)).not.toHaveProperty('toolConfig');
  });

  it('makes two parallel calls when asked for two tools, and one when parallel_tool_calls is false', async () => {
    const both = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      messages: [{ role: 'user', content: 'get_weather and get_time please' }],
    });
    expect(
      both.choices[0].message.tool_calls!.map(
        (c) => (c as OpenAI.Chat.ChatCompletionMessageFunctionToolCall).function.name,
      ),
    ).toEqual(['get_weather', 'get_time']);
    const one = await gw.openai.chat.completions.create({
      model: HAIKU,
      tools,
      parallel_tool_calls: false,
      messages: [{ role: 'user', content: 'get_weather and get_time please' }],
    });
    expect(one.choices[0].message.tool_calls).toHaveLength(1);
  });

  it('carries tool results back with their ids, merging consecutive results into one user turn', async () => {
    const messages: Msg[] = [{ role: 'user', content: 'get_weather and get_time please' }];
    const first = await gw.openai.chat.completions.create({ model: HAIKU, tools, messages });
    const calls = first.choices[0].message.tool_calls as OpenAI.Chat.ChatCompletionMessageFunctionToolCall[];
    messages.push(first.choices[0].message as Msg);
    messages.push({ role: 'tool', tool_call_id: calls[0].id, content: 'sunny, 21C' });
    messages.push({ role: 'tool', tool_call_id: calls[1].id, content: '14:05' });
    const since = mark(gw.emulator);
    const second = await gw.openai.chat.completions.create({ model: HAIKU, tools, messages });
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.content).toBe(
      'Tool get_weather returned: sunny, 21C Tool get_time returned: 14:05',
    );
    const body = lastRuntimeBody<{
      messages: { role: string; content: Record<string, { toolUseId?: string }>[] }[];
    }>(gw.emulator, since);
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[1].content.filter((b) => b.toolUse).map((b) => b.toolUse.toolUseId)).toEqual(
      calls.map((c) => c.id),
    );
    expect(body.messages[2].content.map((b) => b.toolResult.toolUseId)).toEqual(calls.map((c) => c.id));
  });

  it('keeps an earlier tool exchange as text when no tools are offered any more', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [
        { role: 'user', content: 'weather?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'snow' },
        { role: 'user', content: 'thanks' },
      ],
    });
    // The rendered result and the new question form the last user turn, which the model reads (and echoes).
    expect(res.choices[0].message.content).toBe('You said: [Result of tool call call_1: snow] thanks');
    const body = lastRuntimeBody<{ messages: { content: { text?: string }[] }[] }>(gw.emulator, since);
    expect(body.messages[1].content).toEqual([
      { text: '[Called tool get_weather (call_1) with {"city":"Oslo"}]' },
    ]);
    expect(body.messages[2].content[0]).toEqual({ text: '[Result of tool call call_1: snow]' });
  });

  it('folds text that shares a turn with tool results into them for Mistral Large', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: MISTRAL_LARGE,
      tools,
      messages: [
        { role: 'user', content: 'weather?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_9',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Rome","unit":"celsius"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_9', content: 'hot' },
        { role: 'user', content: 'and tomorrow?' },
      ],
    });
    expect(res.choices[0].finish_reason).toBe('stop');
    const body = lastRuntimeBody<{ messages: { content: unknown[] }[] }>(gw.emulator, since);
    expect(body.messages[2].content).toEqual([
      { toolResult: { toolUseId: 'call_9', content: [{ text: 'hot' }, { text: 'and tomorrow?' }] } },
    ]);
  });

  it('refuses a tool result that answers no call of the preceding assistant message', async () => {
    const err = await gw.openai.chat.completions
      .create({
        model: HAIKU,
        tools,
        messages: [
          { role: 'user', content: 'x' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'get_time', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_b', content: 'r' },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 400,
      error: { param: 'messages[2].tool_call_id', code: 'unknown_tool_call' },
    });
  });
});

describe('tool calls (streaming)', () => {
  type ToolDelta = {
    index: number;
    id?: string;
    type?: string;
    function: { name?: string; arguments: string };
  };
  const toolDeltas = (json: Record<string, unknown>[]) =>
    json.flatMap(
      (c) => (c as { choices: { delta: { tool_calls?: ToolDelta[] } }[] }).choices[0]?.delta.tool_calls ?? [],
    );

  it('streams OpenAI tool-call deltas: indexes from 0, id and name first, argument fragments after', async () => {
    const res = await postSse(gw.url, {
      model: HAIKU,
      stream: true,
      tools,
      messages: [{ role: 'user', content: 'get_weather and get_time' }],
    });
    const deltas = toolDeltas(res.json);
    expect(deltas.filter((d) => d.id).map((d) => [d.index, d.function.name, d.type])).toEqual([
      [0, 'get_weather', 'function'],
      [1, 'get_time', 'function'],
    ]);
    expect(deltas.filter((d) => !d.id).every((d) => d.function.name === undefined)).toBe(true);
    for (const index of [0, 1]) {
      const args = deltas
        .filter((d) => d.index === index)
        .map((d) => d.function.arguments)
        .join('');
      expect(() => JSON.parse(args)).not.toThrow();
    }
    expect(deltas.filter((d) => d.index === 0 && !d.id).length).toBeGreaterThan(1);
    const finish = res.json
      .map((c) => (c as { choices: { finish_reason: string | null }[] }).choices[0]?.finish_reason)
      .filter(Boolean);
    expect(finish).toEqual(['tool_calls']);
    expect(res.frames.at(-1)).toBe('[DONE]');
  });

  it('assembles into the same calls with the official client', async () => {
    const stream = await gw.openai.chat.completions.create({
      model: HAIKU,
      stream: true,
      tools,
      messages: [{ role: 'user', content: 'get_time in UTC' }],
    });
    const calls: { name: string; args: string }[] = [];
    for await (const chunk of stream) {
      for (const d of chunk.choices[0]?.delta.tool_calls ?? []) {
        calls[d.index] ??= { name: '', args: '' };
        calls[d.index].name += d.function?.name ?? '';
        calls[d.index].args += d.function?.arguments ?? '';
      }
    }
    expect(calls).toHaveLength(1);
    expect(calls[0].name).toBe('get_time');
    expect(JSON.parse(calls[0].args)).toHaveProperty('zone');
  });

  it('still streams tool calls for Llama, which cannot stream tool use, by replaying a non-streaming call', async () => {
    const since = mark(gw.emulator);
    const res = await postSse(gw.url, {
      model: LLAMA,
      stream: true,
      stream_options: { include_usage: true },
      tools,
      messages: [{ role: 'user', content: 'call get_time' }],
    });
    expect(runtimeRequests(gw.emulator, since).map((e) => e.operation)).toEqual(['Converse']);
    const deltas = toolDeltas(res.json);
    expect(deltas[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_time', arguments: '' },
    });
    expect(JSON.parse(deltas.map((d) => d.function.arguments).join(''))).toHaveProperty('zone');
    expect((res.json[0] as { choices: { delta: unknown }[] }).choices[0].delta).toEqual({
      role: 'assistant',
      content: '',
    });
    expect((res.json.at(-1) as { usage: { prompt_tokens: number } }).usage.prompt_tokens).toBeGreaterThan(0);
    expect(res.frames.at(-1)).toBe('[DONE]');
  });

  it('streams a plain answer from Llama as usual when no tools are involved', async () => {
    const since = mark(gw.emulator);
    await postSse(gw.url, { model: LLAMA, stream: true, messages: [{ role: 'user', content: 'hi' }] });
    expect(runtimeRequests(gw.emulator, since).map((e) => e.operation)).toEqual(['ConverseStream']);
  });
});
