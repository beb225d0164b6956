import type OpenAI from 'openai';
import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { expectErrorBody, expectSchema } from '../support/openai-schema';

type ConverseBody = {
  system?: { text: string }[];
  messages: { role: string; content: Record<string, unknown>[] }[];
  inferenceConfig?: Record<string, number>;
  toolConfig?: { tools: { toolSpec: { name: string } }[]; toolChoice?: unknown };
  outputConfig?: unknown;
};

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const weather: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  strict: true,
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('POST /v1/responses with the official openai client', () => {
  it('answers a string input with instructions as a response object the schema accepts', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.responses.create({
      model: HAIKU,
      instructions: 'Be brief.',
      input: 'hello there',
      max_output_tokens: 100,
      temperature: 0.5,
      store: false,
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.system).toEqual([{ text: 'Be brief.' }]);
    expect(body.messages).toEqual([{ role: 'user', content: [{ text: 'hello there' }] }]);
    expect(body.inferenceConfig).toEqual({ maxTokens: 100, temperature: 0.5 });
    expectSchema(res, 'Response');
    expect(res).toMatchObject({ object: 'response', status: 'completed', model: HAIKU, store: false });
    expect(res.id).toMatch(/^resp_/);
    expect(res.output_text).toBe('You said: hello there');
    expect(res.output).toEqual([
      {
        type: 'message',
        id: expect.stringMatching(/^msg_/),
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'You said: hello there', annotations: [], logprobs: [] }],
      },
    ]);
    expect(res.usage).toEqual({
      input_tokens: expect.any(Number),
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: 4,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: res.usage!.input_tokens + 4,
    });
  });

  it('merges developer and consecutive user messages the way Converse needs them', async () => {
    const since = mark(gw.emulator);
    await gw.openai.responses.create({
      model: HAIKU,
      store: false,
      input: [
        {
          type: 'message',
          role: 'developer',
          content: [{ type: 'input_text', text: 'You are a coding agent.' }],
        },
        { role: 'system', content: 'Second rule.' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: '<environment_context/>' }] },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'say hi' }] },
      ],
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.system).toEqual([{ text: 'You are a coding agent.' }, { text: 'Second rule.' }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: '<environment_context/>' }, { text: 'say hi' }] },
    ]);
  });

  it('streams the event grammar with sequence numbers, each event valid against the schema', async () => {
    const stream = await gw.openai.responses.create({
      model: HAIKU,
      input: 'stream this please',
      stream: true,
      store: false,
    });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    for (const event of events) expectSchema(event, 'ResponseStreamEvent');
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...events
        .filter((e) => e.type === 'response.output_text.delta')
        .map(() => 'response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const deltas = events.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : []));
    expect(deltas.join('')).toBe('You said: stream this please');
    const done = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent;
    expect(done.response.output_text ?? done.response.output).toBeDefined();
    expect(done.response.usage?.output_tokens).toBe(5);
  });

  it('round-trips a function call: function_call out, function_call_output back, final answer', async () => {
    const first = await gw.openai.responses.create({
      model: HAIKU,
      store: false,
      tools: [weather, { type: 'web_search' }],
      input: 'use get_weather for Paris',
    });
    const call = first.output.find((i) => i.type === 'function_call')!;
    expect(call).toMatchObject({
      type: 'function_call',
      name: 'get_weather',
      arguments: '{"city":"city-sample"}',
      status: 'completed',
    });
    expectSchema(first, 'Response');
    const since = mark(gw.emulator);
    const second = await gw.openai.responses.create({
      model: HAIKU,
      store: false,
      tools: [weather],
      input: [
        { role: 'user', content: 'use get_weather for Paris' },
        ...(first.output as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: call.call_id, output: '18 degrees and sunny' },
      ],
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(body.messages[1].content.at(-1)).toEqual({
      toolUse: { toolUseId: call.call_id, name: 'get_weather', input: { city: 'city-sample' } },
    });
    expect(body.messages[2].content).toEqual([
      { toolResult: { toolUseId: call.call_id, content: [{ text: '18 degrees and sunny' }] } },
    ]);
    expect(second.status).toBe('completed');
    expect(second.output_text).toContain('18 degrees and sunny');
  });

  it('drops server tools Bedrock cannot run and names them in a header', async () => {
    const since = mark(gw.emulator);
    const { response } = await gw.openai.responses
      .create({ model: HAIKU, store: false, tools: [weather, { type: 'web_search' }], input: 'hi' })
      .withResponse();
    expect(response.headers.get('x-gateway-ignored-tools')).toBe('web_search');
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.toolConfig?.tools.map((t) => t.toolSpec.name)).toEqual(['get_weather']);
  });

  it('flattens namespace tools for Bedrock and gives the namespace back on the call', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.responses.create({
      model: HAIKU,
      store: false,
      tools: [
        {
          type: 'namespace',
          name: 'agents',
          description: 'Sub-agents',
          tools: [
            {
              type: 'function',
              name: 'spawn_agent',
              parameters: { type: 'object', properties: { task: { type: 'string' } }, required: ['task'] },
            },
          ],
        },
      ] as unknown as OpenAI.Responses.Tool[],
      input: 'call agents__spawn_agent now',
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.toolConfig?.tools.map((t) => t.toolSpec.name)).toEqual(['agents__spawn_agent']);
    expect(res.output.find((i) => i.type === 'function_call')).toMatchObject({
      name: 'spawn_agent',
      namespace: 'agents',
    });
  });

  it('sends input_image parts to Bedrock as image blocks', async () => {
    const since = mark(gw.emulator);
    await gw.openai.responses.create({
      model: HAIKU,
      store: false,
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'what is this' },
            {
              type: 'input_image',
              image_url: `data:image/png;base64,${PNG.toString('base64')}`,
              detail: 'auto',
            },
          ],
        },
      ],
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.messages[0].content).toEqual([
      { text: 'what is this' },
      { image: { format: 'png', source: { bytes: PNG.toString('base64') } } },
    ]);
  });

  it('returns structured output for text.format json_schema', async () => {
    const res = await gw.openai.responses.create({
      model: SONNET_45,
      store: false,
      input: 'give me a city',
      text: {
        format: {
          type: 'json_schema',
          name: 'city',
          strict: true,
          schema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(JSON.parse(res.output_text)).toEqual({ name: expect.any(String) });
    expectSchema(res, 'Response');
  });

  it('answers bad requests with a 400 in OpenAI envelope naming the field', async () => {
    const bad = [
      [{ model: HAIKU, input: [{ role: 'robot', content: 'x' }] }, 'input[0].role'],
      [{ model: HAIKU, input: 'x', max_output_tokens: 'many' }, 'max_output_tokens'],
      [
        { model: HAIKU, input: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{' }] },
        'input[0].arguments',
      ],
      [
        { model: HAIKU, input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-1' }] }] },
        'input[0].content[0].image_url',
      ],
      [{ model: HAIKU, input: 'x', tools: [{ type: 'function', name: 'bad name' }] }, 'tools[0].name'],
      [{ model: HAIKU, input: 'x', reasoning: { effort: 'extreme' } }, 'reasoning.effort'],
    ] as const;
    for (const [body, param] of bad) {
      const res = await fetch(`${gw.url}/v1/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-test-gateway-key', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      const json = expectErrorBody((await res.json()) as { error: { param: string } });
      expect(json.error.param).toBe(param);
    }
  });

  it('answers an upstream error before the first byte in the envelope, and one after it as an error event', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'AccessDeniedException',
      match: { operation: 'ConverseStream' },
    });
    const post = (input: string) =>
      fetch(`${gw.url}/v1/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-test-gateway-key', 'content-type': 'application/json' },
        body: JSON.stringify({ model: HAIKU, input, stream: true, store: false }),
      });
    const before = await post('x');
    expect(before.status).toBe(403);
    expect(before.headers.get('content-type')).toContain('application/json');
    expectErrorBody(await before.json());

    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2, match: { operation: 'ConverseStream' } });
    const res = await post('tell me more');
    expect(res.status).toBe(200);
    const frames = (await res.text()).split('\n\n').filter(Boolean);
    const last = frames.at(-1)!;
    expect(last.split('\n')[0]).toBe('event: error');
    const error = JSON.parse(last.split('\n')[1].slice('data: '.length)) as Record<string, unknown>;
    expectSchema(error, 'ResponseStreamEvent');
    expect(error).toMatchObject({ type: 'error', code: expect.any(String), message: expect.any(String) });
    expect(frames.some((f) => f.startsWith('event: response.completed'))).toBe(false);
  });

  it.each([
    ['meta.llama3-1-70b-instruct-v1:0', true],
    ['mistral.mistral-7b-instruct-v0:2', false],
    ['amazon.nova-pro-v1:0', true],
    ['cohere.command-r-plus-v1:0', true],
  ])(
    'works on other families through the shared middle: %s (instructions, stream, tools %s)',
    async (model, tools) => {
      const stream = await gw.openai.responses.create({
        model,
        instructions: 'Answer plainly.',
        input: tools ? 'use get_weather for Oslo' : 'hello from another family',
        ...(tools ? { tools: [weather] } : {}),
        stream: true,
        store: false,
      });
      let done: OpenAI.Responses.Response | undefined;
      for await (const event of stream) if (event.type === 'response.completed') done = event.response;
      expectSchema(done, 'Response');
      if (tools)
        expect(done!.output.find((i) => i.type === 'function_call')).toMatchObject({ name: 'get_weather' });
      else
        expect(
          done!.output_text ?? (done!.output[0] as { content: { text: string }[] }).content[0].text,
        ).toContain('hello from another family');
    },
  );

  it('is served under API_ROUTE_PREFIX too', async () => {
    const res = await gw.clientFor('/api/v1').responses.create({ model: HAIKU, input: 'hi', store: false });
    expect(res.output_text).toBe('You said: hi');
  });
});
