import type { ContentBlockDelta } from '@aws-sdk/client-bedrock-runtime';
import { verifyReasoningSignature } from '../generation/reasoning.signature';
import { createEngine, type Engine } from './engine';
import { runtimeRequest, userTurn } from './engine.test-helpers';
import type { EngineResult, StreamEvent } from './engine.types';

/**
 * Converse bodies as these tests read them. Every block member is typed as present for brevity: a test
 * that reads a member the engine did not emit fails with a TypeError, so nothing is hidden.
 */
interface Block {
  text: string;
  toolUse: { toolUseId: string; name: string; input: unknown };
  reasoningContent: { reasoningText: { text: string; signature?: string } };
}
interface Reply {
  output: { message: { role: string; content: Block[] } };
  stopReason: string;
  usage: Record<string, number>;
  additionalModelResponseFields?: unknown;
}

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const NOVA = 'amazon.nova-pro-v1:0';
const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';

const WEATHER = {
  toolSpec: {
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: {
      json: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer', minimum: 1 },
          detailed: { type: 'boolean' },
          tags: { type: 'array', items: { type: 'string' } },
          where: { type: 'object', properties: { lat: { type: 'number' } }, required: ['lat'] },
          optional: { type: 'string' },
        },
        required: ['city', 'unit', 'days', 'detailed', 'tags', 'where'],
      },
    },
  },
};
const TIME = { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } };

function converse(engine: Engine, modelId: string, body: unknown): Reply {
  const result = engine.handle(runtimeRequest('Converse', modelId, body));
  if (result.kind !== 'json') throw new Error(`expected json, got ${JSON.stringify(result)}`);
  return result.body as Reply;
}

function events(result: EngineResult): StreamEvent[] {
  if (result.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result.events;
}

describe('tool calls', () => {
  it('auto calls the tools named in the user text, in parallel, after a short Claude text block', () => {
    const body = {
      messages: [userTurn('use get_weather and get_time please')],
      toolConfig: { tools: [WEATHER, TIME] },
    };
    const out = converse(createEngine(), HAIKU, body);
    const content = out.output.message.content;
    expect(out.stopReason).toBe('tool_use');
    expect(content[0]).toEqual({ text: "I'll use get_weather and get_time." });
    expect(content.slice(1).map((b) => b.toolUse.name)).toEqual(['get_weather', 'get_time']);
    for (const b of content.slice(1)) expect(b.toolUse.toolUseId).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
    expect(content[1].toolUse.toolUseId).not.toBe(content[2].toolUse.toolUseId);
  });

  it('synthesises input from the schema: required properties, first enum value, numbers, booleans, arrays, objects', () => {
    const body = { messages: [userTurn('get_weather now')], toolConfig: { tools: [WEATHER] } };
    const input = converse(createEngine(), HAIKU, body).output.message.content[1].toolUse.input;
    expect(input).toEqual({
      city: expect.any(String),
      unit: 'celsius',
      days: 1,
      detailed: true,
      tags: [expect.any(String)],
      where: { lat: expect.any(Number) },
    });
  });

  it('keeps tool-use ids stable for the same request and answers in text when no tool is named', () => {
    const body = { messages: [userTurn('get_time')], toolConfig: { tools: [TIME] } };
    const a = converse(createEngine(), NOVA, body).output.message.content;
    const b = converse(createEngine(), NOVA, body).output.message.content;
    expect(a).toEqual(b);
    expect(a).toHaveLength(1); // Nova calls tools without a preamble
    const none = converse(createEngine(), NOVA, {
      messages: [userTurn('hello')],
      toolConfig: { tools: [TIME] },
    });
    expect(none).toMatchObject({
      stopReason: 'end_turn',
      output: { message: { content: [{ text: 'You said: hello' }] } },
    });
  });

  it('any calls the first tool, tool calls the named one', () => {
    const any = {
      messages: [userTurn('hi')],
      toolConfig: { tools: [WEATHER, TIME], toolChoice: { any: {} } },
    };
    expect(converse(createEngine(), HAIKU, any).output.message.content[1].toolUse.name).toBe('get_weather');
    const forced = {
      messages: [userTurn('hi')],
      toolConfig: { tools: [WEATHER, TIME], toolChoice: { tool: { name: 'get_time' } } },
    };
    expect(converse(createEngine(), HAIKU, forced).output.message.content[1].toolUse.name).toBe('get_time');
  });

  it('answers with the tool result after a toolResult turn', () => {
    const engine = createEngine();
    const first = converse(engine, HAIKU, {
      messages: [userTurn('get_time')],
      toolConfig: { tools: [TIME] },
    });
    const call = first.output.message.content[1].toolUse;
    const body = {
      messages: [
        userTurn('get_time'),
        first.output.message,
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: call.toolUseId, content: [{ json: { now: '12:00' } }] } }],
        },
      ],
      toolConfig: { tools: [TIME] },
    };
    expect(converse(engine, HAIKU, body)).toMatchObject({
      stopReason: 'end_turn',
      output: { message: { content: [{ text: 'Tool get_time returned: {"now":"12:00"}' }] } },
    });
  });

  it('calls a tool a result names, once per conversation, so agent loops take another step and then end', () => {
    const engine = createEngine();
    const tools = { tools: [WEATHER, TIME] };
    const first = converse(engine, HAIKU, { messages: [userTurn('get_weather')], toolConfig: tools });
    const weatherCall = first.output.message.content[1].toolUse;
    const afterWeather = [
      userTurn('get_weather'),
      first.output.message,
      {
        role: 'user',
        content: [
          {
            toolResult: {
              toolUseId: weatherCall.toolUseId,
              content: [{ text: 'rain; ask get_time and get_weather' }],
            },
          },
        ],
      },
    ];
    const second = converse(engine, HAIKU, { messages: afterWeather, toolConfig: tools });
    expect(second.stopReason).toBe('tool_use');
    const timeCall = second.output.message.content[1].toolUse;
    expect(
      second.output.message.content
        .filter((b: { toolUse?: unknown }) => b.toolUse)
        .map((b: { toolUse: { name: string } }) => b.toolUse.name),
    ).toEqual(['get_time']);
    const third = converse(engine, HAIKU, {
      messages: [
        ...afterWeather,
        second.output.message,
        {
          role: 'user',
          content: [
            {
              toolResult: { toolUseId: timeCall.toolUseId, content: [{ text: 'noon; get_weather again?' }] },
            },
          ],
        },
      ],
      toolConfig: tools,
    });
    expect(third).toMatchObject({
      stopReason: 'end_turn',
      output: { message: { content: [{ text: 'Tool get_time returned: noon; get_weather again?' }] } },
    });
  });

  it('streams tool input as contentBlockStart then several partial-JSON deltas that parse back to the input', () => {
    const body = { messages: [userTurn('get_weather')], toolConfig: { tools: [WEATHER] } };
    const engine = createEngine();
    const expected = converse(engine, HAIKU, body).output.message.content[1].toolUse;
    const evs = events(engine.handle(runtimeRequest('ConverseStream', HAIKU, body)));
    const start = evs.find((e) => e.eventType === 'contentBlockStart')!;
    expect(start.payload).toEqual({
      contentBlockIndex: 1,
      start: { toolUse: { toolUseId: expected.toolUseId, name: 'get_weather' } },
    });
    const fragments = evs
      .filter((e) => e.eventType === 'contentBlockDelta' && (e.payload.delta as ContentBlockDelta).toolUse)
      .map((e) => (e.payload.delta as ContentBlockDelta).toolUse!.input!);
    expect(fragments.length).toBeGreaterThan(1);
    expect(JSON.parse(fragments.join(''))).toEqual(expected.input);
    expect(evs.find((e) => e.eventType === 'messageStop')!.payload).toEqual({ stopReason: 'tool_use' });
  });
});

describe('reasoning', () => {
  const thinking = { thinking: { type: 'enabled', budget_tokens: 1024 } };

  it('puts a signed reasoning block first when Claude thinking is on (either spelling)', () => {
    for (const fields of [thinking, { reasoning_config: thinking.thinking }]) {
      const out = converse(createEngine(), SONNET_37, {
        messages: [userTurn('why is the sky blue')],
        inferenceConfig: { maxTokens: 2000 },
        additionalModelRequestFields: fields,
      });
      const [reasoning, text] = out.output.message.content;
      expect(reasoning.reasoningContent.reasoningText.text.length).toBeGreaterThan(0);
      expect(
        verifyReasoningSignature(
          reasoning.reasoningContent.reasoningText.text,
          reasoning.reasoningContent.reasoningText.signature,
        ),
      ).toBe(true);
      expect(text).toEqual({ text: 'You said: why is the sky blue' });
    }
  });

  it('streams reasoning text deltas then one signature delta in the same block', () => {
    const body = {
      messages: [userTurn('hi')],
      inferenceConfig: { maxTokens: 2000 },
      additionalModelRequestFields: thinking,
    };
    const evs = events(createEngine().handle(runtimeRequest('ConverseStream', SONNET_37, body)));
    const block0 = evs.filter(
      (e) => e.eventType === 'contentBlockDelta' && e.payload.contentBlockIndex === 0,
    );
    const deltas = block0.map((e) => (e.payload.delta as ContentBlockDelta).reasoningContent!);
    expect(deltas.slice(0, -1).every((d) => typeof d.text === 'string')).toBe(true);
    expect(Object.keys(deltas[deltas.length - 1])).toEqual(['signature']);
  });

  it('accepts its own reasoning replayed before a tool call, and rejects it once modified', () => {
    const engine = createEngine();
    const tools = { tools: [TIME] };
    const first = converse(engine, SONNET_37, {
      messages: [userTurn('get_time')],
      toolConfig: tools,
      inferenceConfig: { maxTokens: 2000 },
      additionalModelRequestFields: thinking,
    });
    const call = first.output.message.content.find((b) => b.toolUse)!.toolUse;
    const follow = (assistant: Reply['output']['message']) => ({
      messages: [
        userTurn('get_time'),
        assistant,
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: call.toolUseId, content: [{ text: 'noon' }] } }],
        },
      ],
      toolConfig: tools,
      inferenceConfig: { maxTokens: 2000 },
      additionalModelRequestFields: thinking,
    });
    expect(engine.handle(runtimeRequest('Converse', SONNET_37, follow(first.output.message))).kind).toBe(
      'json',
    );
    const tampered = JSON.parse(JSON.stringify(first.output.message)) as Reply['output']['message'];
    tampered.content[0].reasoningContent.reasoningText.text += ' (edited)';
    expect(engine.handle(runtimeRequest('Converse', SONNET_37, follow(tampered)))).toMatchObject({
      kind: 'error',
      error: {
        message:
          'The model returned the following errors: messages.1.content.0: Invalid `signature` in `thinking` block',
      },
    });
  });

  it('DeepSeek R1 always reasons, without a signature', () => {
    const out = converse(createEngine(), 'us.deepseek.r1-v1:0', { messages: [userTurn('hi')] });
    const reasoning = out.output.message.content[0].reasoningContent.reasoningText;
    expect(reasoning.text.length).toBeGreaterThan(0);
    expect(reasoning.signature).toBeUndefined();
  });
});

describe('limits and stop sequences', () => {
  it('truncates at maxTokens with stopReason max_tokens, identically when streamed', () => {
    const body = { messages: [userTurn('one two three four five')], inferenceConfig: { maxTokens: 3 } };
    const engine = createEngine();
    const out = converse(engine, HAIKU, body);
    expect(out).toMatchObject({
      stopReason: 'max_tokens',
      output: { message: { content: [{ text: 'You said: one' }] } },
    });
    expect(out.usage.outputTokens).toBe(3);
    const evs = events(engine.handle(runtimeRequest('ConverseStream', HAIKU, body)));
    expect(evs.find((e) => e.eventType === 'messageStop')!.payload.stopReason).toBe('max_tokens');
    expect(evs[evs.length - 1].payload.usage).toEqual(out.usage);
  });

  it('cuts before a stop sequence and reports it when /stop_sequence is requested', () => {
    const body = {
      messages: [userTurn('alpha beta END gamma')],
      inferenceConfig: { stopSequences: ['END'] },
      additionalModelResponseFieldPaths: ['/stop_sequence'],
    };
    expect(converse(createEngine(), HAIKU, body)).toMatchObject({
      stopReason: 'stop_sequence',
      output: { message: { content: [{ text: 'You said: alpha beta ' }] } },
      additionalModelResponseFields: { stop_sequence: 'END' },
    });
  });

  it('mentions attached images by format and byte size', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    const body = {
      messages: [
        { role: 'user', content: [{ text: 'look' }, { image: { format: 'png', source: { bytes: png } } }] },
      ],
    };
    expect(converse(createEngine(), HAIKU, body).output.message.content[0].text).toBe(
      'You said: look [image png 16 bytes]',
    );
  });
});

describe('structured output', () => {
  it('returns JSON text that satisfies the requested schema', () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 18 } },
      required: ['name', 'age'],
    };
    const body = {
      messages: [userTurn('describe a person')],
      outputConfig: {
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema) } } },
      },
    };
    const text = converse(createEngine(), 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', body).output.message
      .content[0].text;
    expect(JSON.parse(text)).toEqual({ name: expect.any(String), age: 18 });
  });
});

describe('usage, CountTokens and prompt caching', () => {
  it('counts the same input tokens in Converse, ConverseStream and CountTokens', () => {
    const request = {
      system: [{ text: 'be brief' }],
      messages: [
        userTurn('count these five words'),
        { role: 'assistant', content: [{ text: 'ok' }] },
        userTurn('and more'),
      ],
      toolConfig: { tools: [TIME] },
    };
    const engine = createEngine();
    const out = converse(engine, NOVA, request);
    const evs = events(engine.handle(runtimeRequest('ConverseStream', NOVA, request)));
    const counted = engine.handle(runtimeRequest('CountTokens', HAIKU, { input: { converse: request } }));
    expect(out.usage.inputTokens).toBe(2 + 4 + 1 + 2 + 20);
    expect(evs[evs.length - 1].payload.usage).toEqual(out.usage);
    expect(counted).toEqual({ kind: 'json', body: { inputTokens: out.usage.inputTokens } });
  });

  it('writes a cached prefix once, then reads it, with totals that add up', () => {
    const long = Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' ');
    const body = (question: string) => ({
      system: [{ text: long }, { cachePoint: { type: 'default' } }],
      messages: [userTurn(question)],
    });
    const engine = createEngine();
    const first = converse(engine, NOVA, body('first question')).usage;
    const second = converse(engine, NOVA, body('second one here')).usage;
    expect(first).toMatchObject({ cacheWriteInputTokens: 1100, cacheReadInputTokens: 0, inputTokens: 2 });
    expect(second).toMatchObject({ cacheWriteInputTokens: 0, cacheReadInputTokens: 1100, inputTokens: 3 });
    for (const u of [first, second]) {
      expect(u.totalTokens).toBe(
        u.inputTokens + u.outputTokens + u.cacheReadInputTokens + u.cacheWriteInputTokens,
      );
    }
    const counted = engine.handle(
      runtimeRequest('CountTokens', HAIKU, { input: { converse: body('second one here') } }),
    );
    expect(counted).toEqual({ kind: 'json', body: { inputTokens: 1103 } });
  });

  it('caches nothing below the model minimum (Claude 3.5 Haiku: 2,048)', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const body = { system: [{ text: long }, { cachePoint: { type: 'default' } }], messages: [userTurn('q')] };
    const engine = createEngine();
    for (let i = 0; i < 2; i++) {
      expect(converse(engine, 'anthropic.claude-3-5-haiku-20241022-v1:0', body).usage).toMatchObject({
        inputTokens: 1501,
        cacheReadInputTokens: 0,
        cacheWriteInputTokens: 0,
      });
    }
  });

  it('rejects cachePoint on a model without prompt caching with 403', () => {
    const body = { system: [{ text: 'x' }, { cachePoint: { type: 'default' } }], messages: [userTurn('q')] };
    expect(createEngine().handle(runtimeRequest('Converse', LLAMA, body))).toMatchObject({
      kind: 'error',
      error: { type: 'AccessDeniedException', status: 403 },
    });
  });
});
