import type Anthropic from '@anthropic-ai/sdk';
import { mark, runtimeRequests } from '../support/emulator-log';
import { CapturingLogger } from '../support/capturing-logger';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { anthropicClient, SONNET_45, SONNET_45_PROFILE, weatherTool } from './anthropic.harness';

const NOVA = 'amazon.nova-pro-v1:0';
const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';
let gw: TestGateway;
let client: Anthropic;
const logs = new CapturingLogger();

beforeAll(async () => {
  gw = await startTestGateway({ LOG_LEVEL: 'info' }, {}, { logger: logs });
  client = anthropicClient(gw);
});
afterAll(() => gw.close());

describe('POST /v1/messages for other families (through the shared translation to Converse)', () => {
  it('answers Nova with an Anthropic message; Bedrock got a Converse request', async () => {
    const since = mark(gw.emulator);
    const message = await client.messages.create({
      model: NOVA,
      max_tokens: 200,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: 'Say hi' },
        { role: 'system' as never, content: 'Environment: test' },
      ],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: NOVA,
      stop_reason: 'end_turn',
    });
    expect(message.content).toEqual([{ type: 'text', text: 'You said: Say hi' }]);
    expect(message.usage).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
    });
    const [call] = runtimeRequests(gw.emulator, since);
    expect(call.operation).toBe('Converse');
    expect(call.body).toMatchObject({
      system: [{ text: 'Be brief.' }, { text: 'Environment: test' }],
      messages: [{ role: 'user', content: [{ text: 'Say hi' }] }],
      inferenceConfig: { maxTokens: 200 },
    });
  });

  it('streams the same Anthropic event sequence from ConverseStream, tool calls included', async () => {
    const since = mark(gw.emulator);
    const stream = client.messages.stream({
      model: NOVA,
      max_tokens: 200,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
    });
    const types: string[] = [];
    stream.on('streamEvent', (e) => types.push(e.type));
    const final = await stream.finalMessage();
    expect(types[0]).toBe('message_start');
    expect(types).toContain('content_block_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(final.stop_reason).toBe('tool_use');
    expect(final.content.find((b) => b.type === 'tool_use')).toMatchObject({
      name: 'get_weather',
      input: { city: 'city-sample' },
    });
    expect(final.usage.output_tokens).toBeGreaterThan(0);
    expect(runtimeRequests(gw.emulator, since)[0].operation).toBe('ConverseStream');
  });

  it('round-trips a tool call on Llama (no streaming tool use: answered and replayed as a stream)', async () => {
    const first = await client.messages.create({
      model: LLAMA,
      max_tokens: 200,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
    });
    const toolUse = first.content.find((b) => b.type === 'tool_use')!;
    expect(toolUse).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    const since = mark(gw.emulator);
    const stream = client.messages.stream({
      model: LLAMA,
      max_tokens: 200,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny' }] },
      ],
    });
    const final = await stream.finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'Tool get_weather returned: sunny' }]);
    expect(runtimeRequests(gw.emulator, since)[0].operation).toBe('Converse');
  });

  it('says count_tokens serves Claude models only', async () => {
    await expect(
      client.messages.countTokens({ model: NOVA, messages: [{ role: 'user', content: 'count' }] }),
    ).rejects.toMatchObject({ status: 400, error: { error: { type: 'invalid_request_error' } } });
  });

  it('accounts usage per key and model like chat, for both back-ends, cache reads and writes included', async () => {
    logs.entries.splice(0);
    const long = Array.from({ length: 1200 }, (_, i) => `w${i}`).join(' ');
    const cached = await client.messages.create({
      model: SONNET_45,
      max_tokens: 32,
      system: [{ type: 'text', text: long, cache_control: { type: 'ephemeral' } }],
      messages: [{ role: 'user', content: 'cache' }],
    });
    const streamed = await client.messages
      .stream({ model: NOVA, max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] })
      .finalMessage();
    const lines = logs.in('Request').filter((l) => l.endpoint === 'messages');
    expect(lines).toEqual([
      expect.objectContaining({
        key: 'default',
        endpoint: 'messages',
        model: SONNET_45,
        modelId: SONNET_45_PROFILE,
        stream: false,
        outcome: 'ok',
        promptTokens: cached.usage.input_tokens + cached.usage.cache_creation_input_tokens!,
        completionTokens: cached.usage.output_tokens,
        cacheWriteTokens: cached.usage.cache_creation_input_tokens,
        cachedTokens: 0,
      }),
      expect.objectContaining({
        endpoint: 'messages',
        model: NOVA,
        stream: true,
        outcome: 'ok',
        promptTokens: streamed.usage.input_tokens,
        completionTokens: streamed.usage.output_tokens,
      }),
    ]);
  });
});
