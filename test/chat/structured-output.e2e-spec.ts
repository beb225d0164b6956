import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'; // native structured output
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0'; // forced tool
const TITAN = 'amazon.titan-text-express-v1'; // no tools: instruction only

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature: { type: 'number' },
    conditions: { type: 'string', enum: ['sunny', 'cloudy', 'rain'] },
  },
  required: ['city', 'temperature', 'conditions'],
  additionalProperties: false,
};
const jsonSchema = {
  type: 'json_schema' as const,
  json_schema: { name: 'weather_report', schema, strict: true },
};
const ask = { role: 'user' as const, content: 'weather in Lisbon' };

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

function matchesSchema(content: string | null) {
  const value = JSON.parse(content ?? '') as Record<string, unknown>;
  expect(Object.keys(value).sort()).toEqual(['city', 'conditions', 'temperature']);
  expect(typeof value.city).toBe('string');
  expect(typeof value.temperature).toBe('number');
  expect(['sunny', 'cloudy', 'rain']).toContain(value.conditions);
}

describe('response_format json_schema', () => {
  it("uses Bedrock's native structured output where the model has it", async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: SONNET_45,
      response_format: jsonSchema,
      messages: [ask],
    });
    matchesSchema(res.choices[0].message.content);
    const body = lastRuntimeBody<{
      outputConfig: {
        textFormat: { type: string; structure: { jsonSchema: { schema: string; name: string } } };
      };
    }>(gw.emulator, since);
    expect(body.outputConfig.textFormat.type).toBe('json_schema');
    expect(JSON.parse(body.outputConfig.textFormat.structure.jsonSchema.schema)).toEqual(schema);
    expect(body.outputConfig.textFormat.structure.jsonSchema.name).toBe('weather_report');
  });

  it('elsewhere forces one tool with the schema, and returns its input as the content (not as a tool call)', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      response_format: jsonSchema,
      messages: [ask],
    });
    expect(res.choices[0].finish_reason).toBe('stop');
    expect(res.choices[0].message.tool_calls).toBeUndefined();
    matchesSchema(res.choices[0].message.content);
    const body = lastRuntimeBody<{
      toolConfig: {
        tools: { toolSpec: { name: string; inputSchema: { json: unknown } } }[];
        toolChoice: unknown;
      };
    }>(gw.emulator, since);
    expect(body.toolConfig.tools.map((t) => t.toolSpec.name)).toEqual(['json_response']);
    expect(body.toolConfig.tools[0].toolSpec.inputSchema.json).toEqual(schema);
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: 'json_response' } });
  });

  it("streams the forced tool's input as content deltas that parse to a matching object", async () => {
    const res = await postSse(gw.url, {
      model: HAIKU,
      stream: true,
      response_format: jsonSchema,
      messages: [ask],
    });
    const deltas = res.json.map(
      (c) =>
        (
          c as {
            choices: { delta: { content?: string; tool_calls?: unknown }; finish_reason: string | null }[];
          }
        ).choices[0],
    );
    expect(deltas.some((d) => d?.delta.tool_calls)).toBe(false);
    matchesSchema(deltas.map((d) => d?.delta.content ?? '').join(''));
    expect(deltas.at(-1)?.finish_reason).toBe('stop');
    expect(res.frames.at(-1)).toBe('[DONE]');
  });

  it("keeps the client's own tools offered beside the response tool", async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: HAIKU,
      response_format: jsonSchema,
      tools: [
        { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } },
      ],
      messages: [ask],
    });
    const body = lastRuntimeBody<{
      toolConfig: { tools: { toolSpec: { name: string } }[]; toolChoice: unknown };
    }>(gw.emulator, since);
    expect(body.toolConfig.tools.map((t) => t.toolSpec.name)).toEqual(['lookup', 'json_response']);
    expect(body.toolConfig.toolChoice).toEqual({ any: {} });
  });

  it('answers json_object with a JSON object', async () => {
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      response_format: { type: 'json_object' },
      messages: [ask],
    });
    expect(JSON.parse(res.choices[0].message.content ?? '')).toEqual(expect.any(Object));
  });

  it('instructs a model without tools, and refuses to pass off an answer that is not the requested JSON', async () => {
    const since = mark(gw.emulator);
    const err = await gw.openai.chat.completions
      .create({ model: TITAN, response_format: jsonSchema, messages: [ask] })
      .catch((e: unknown) => e);
    // Titan (here: the emulator) answers in prose; with strict output that is an upstream failure, not a result.
    expect(err).toMatchObject({ status: 502, error: { code: 'structured_output_invalid' } });
    const body = lastRuntimeBody<{ messages: { content: { text: string }[] }[] }>(gw.emulator, since);
    expect(body.messages[0].content[0].text).toMatch(
      /^Respond with one JSON value only .*"required":\["city","temperature","conditions"\]/s,
    );
  });

  it.each([[HAIKU]])(
    '%s: an answer the token limit cut short is passed on with finish_reason length (as OpenAI does), not a 502',
    async (model) => {
      const res = await gw.openai.chat.completions.create({
        model,
        response_format: jsonSchema,
        messages: [ask],
        max_tokens: 2,
      });
      expect(res.choices[0].finish_reason).toBe('length');
      const stream = await postSse(gw.url, {
        model,
        response_format: jsonSchema,
        messages: [ask],
        max_tokens: 2,
        stream: true,
      });
      expect(stream.frames.at(-1)).toBe('[DONE]');
      expect(stream.json.at(-1)).toMatchObject({ choices: [{ finish_reason: 'length' }] });
    },
  );

  it('refuses a schema that is not JSON Schema, or whose root is not an object', async () => {
    await expect(
      gw.openai.chat.completions.create({
        model: HAIKU,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'x', schema: { type: 'object', properties: { a: { type: 'wat' } } } },
        },
        messages: [ask],
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { code: 'invalid_json_schema', param: 'response_format.json_schema.schema' },
    });
    await expect(
      gw.openai.chat.completions.create({
        model: HAIKU,
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'array' } } },
        messages: [ask],
      }),
    ).rejects.toMatchObject({ status: 400, error: { code: 'invalid_json_schema' } });
  });
});
