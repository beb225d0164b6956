import { createEngine } from './engine';
import { runtimeRequest } from './engine.test-helpers';
import type { EngineResult } from './engine.types';

const MISTRAL_LARGE = 'mistral.mistral-large-2402-v1:0';
const COHERE = 'cohere.command-r-plus-v1:0';
const NOVA = 'amazon.nova-pro-v1:0';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

type Json = Record<string, any>;

function invoke(modelId: string, body: unknown): Json {
  const result = createEngine().handle(runtimeRequest('InvokeModel', modelId, body));
  if (result.kind !== 'raw') throw new Error(`expected raw, got ${JSON.stringify(result)}`);
  return JSON.parse(result.body.toString('utf8')) as Json;
}

function chunks(result: EngineResult): Json[] {
  if (result.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result.events.map(
    (e) => JSON.parse(Buffer.from(e.payload.bytes as string, 'base64').toString('utf8')) as Json,
  );
}

const weather = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

describe('InvokeModel: native tool calling', () => {
  it('Mistral Large chat body: calls a named tool, then answers from the tool message', () => {
    const tools = [
      { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: weather } },
    ];
    const first = invoke(MISTRAL_LARGE, {
      messages: [{ role: 'user', content: 'use get_weather please' }],
      tools,
      tool_choice: 'auto',
    });
    const call = first.choices[0].message.tool_calls[0];
    expect(first.choices[0]).toMatchObject({ index: 0, stop_reason: 'tool_calls' });
    expect(call.function).toEqual({ name: 'get_weather', arguments: '{"city":"city-sample"}' });
    expect(call.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = invoke(MISTRAL_LARGE, {
      messages: [
        { role: 'user', content: 'use get_weather please' },
        { role: 'assistant', content: '', tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: 'sunny' },
      ],
      tools,
    });
    expect(second.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: 'Tool get_weather returned: sunny' },
      stop_reason: 'stop',
    });
  });

  it('Mistral Large chat body with tool_choice none never calls a tool; the stream ends with stop_reason', () => {
    const body = {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'get_weather now' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weather } }],
      tool_choice: 'none',
    };
    const parts = chunks(
      createEngine().handle(runtimeRequest('InvokeModelWithResponseStream', MISTRAL_LARGE, body)),
    );
    expect(parts.map((p) => p.choices[0].message.content).join('')).toBe('You said: get_weather now');
    expect(parts[parts.length - 1].choices[0].stop_reason).toBe('stop');
    expect(parts[parts.length - 1]['amazon-bedrock-invocationMetrics']).toBeDefined();
  });

  it('Cohere Command R+: parameter_definitions lead to tool_calls; tool_results to an answer', () => {
    const tools = [
      {
        name: 'get_weather',
        description: 'Weather',
        parameter_definitions: { city: { type: 'str', required: true } },
      },
    ];
    const first = invoke(COHERE, { message: 'call get_weather', tools });
    expect(first).toMatchObject({
      finish_reason: 'COMPLETE',
      tool_calls: [{ name: 'get_weather', parameters: { city: 'city-sample' } }],
    });
    const second = invoke(COHERE, {
      message: '',
      chat_history: [
        { role: 'USER', message: 'call get_weather' },
        { role: 'CHATBOT', message: '', tool_calls: first.tool_calls },
      ],
      tools,
      tool_results: [{ call: first.tool_calls[0], outputs: [{ text: 'sunny' }] }],
    });
    expect(second.text).toBe('Tool get_weather returned: sunny');
    expect(second.tool_calls).toBeUndefined();
  });

  it('Cohere streams tool calls as a tool-calls-generation event before stream-end', () => {
    const body = {
      message: 'call get_weather',
      tools: [{ name: 'get_weather', description: 'w', parameter_definitions: {} }],
    };
    const parts = chunks(
      createEngine().handle(runtimeRequest('InvokeModelWithResponseStream', COHERE, body)),
    );
    // A turn that only calls tools has no text to stream.
    expect(parts.map((p) => p.event_type)).toEqual(['stream-start', 'tool-calls-generation', 'stream-end']);
    expect(parts.find((p) => p.event_type === 'tool-calls-generation')!.tool_calls).toEqual([
      { name: 'get_weather', parameters: {} },
    ]);
  });

  it('Nova messages-v1: toolConfig leads to toolUse blocks, streamed with contentBlockStart', () => {
    const body = {
      schemaVersion: 'messages-v1',
      messages: [{ role: 'user', content: [{ text: 'use get_weather' }] }],
      inferenceConfig: { maxTokens: 200 },
      toolConfig: {
        tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: weather } } }],
        toolChoice: { auto: {} },
      },
    };
    const answer = invoke(NOVA, body);
    expect(answer.stopReason).toBe('tool_use');
    expect(answer.output.message.content[0].toolUse).toMatchObject({
      name: 'get_weather',
      input: { city: 'city-sample' },
    });
    const parts = chunks(createEngine().handle(runtimeRequest('InvokeModelWithResponseStream', NOVA, body)));
    expect(Object.keys(parts[1])).toContain('contentBlockStart');
    expect(parts[parts.length - 1]).toHaveProperty('metadata.usage.outputTokens');
  });

  it('Claude: tool_choice none calls nothing, disable_parallel_tool_use keeps one call', () => {
    const tools = ['a_tool', 'b_tool'].map((name) => ({ name, input_schema: { type: 'object' } }));
    const base = {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      tools,
      messages: [{ role: 'user', content: 'a_tool and b_tool' }],
    };
    const uses = (body: Json) =>
      invoke(HAIKU, body).content.filter((b: Json) => b.type === 'tool_use').length;
    expect(uses(base)).toBe(2);
    expect(uses({ ...base, tool_choice: { type: 'auto', disable_parallel_tool_use: true } })).toBe(1);
    expect(uses({ ...base, tool_choice: { type: 'none' } })).toBe(0);
  });
});
