import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  type BedrockRuntimeClient,
  type ConverseCommandInput,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import { startEmulator, type RunningEmulator } from '../index';
import { collect, runtimeClient } from '../../test/support/sdk';

/** Generation as a gateway sees it: through the real SDK against the running emulator. */
describe('engine behaviour through the AWS SDK', () => {
  let emulator: RunningEmulator;
  let client: BedrockRuntimeClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    client = runtimeClient(emulator, { maxAttempts: 1 });
  });

  afterAll(async () => {
    client.destroy();
    await emulator.close();
  });

  const weather: ConverseCommandInput['toolConfig'] = {
    tools: [
      {
        toolSpec: {
          name: 'get_weather',
          inputSchema: {
            json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      },
    ],
  };

  it('streams a tool call whose reassembled input equals the Converse toolUse input', async () => {
    const input: ConverseCommandInput = {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: 'please call get_weather' }] }],
      toolConfig: weather,
    };
    const converse = await client.send(new ConverseCommand(input));
    const toolUse = converse.output?.message?.content?.find((b) => b.toolUse)?.toolUse;
    const events = await collect((await client.send(new ConverseStreamCommand(input))).stream);
    const start = events.find((e) => e.contentBlockStart)?.contentBlockStart?.start?.toolUse;
    const json = events.map((e) => e.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(start).toEqual({ toolUseId: toolUse?.toolUseId, name: 'get_weather' });
    expect(JSON.parse(json)).toEqual(toolUse?.input);
    expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('tool_use');
    expect(events[events.length - 1].metadata?.usage).toEqual(converse.usage);
  });

  it('accepts its own thinking block replayed by an SDK client before a tool result', async () => {
    const modelId = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
    const common = {
      modelId,
      toolConfig: weather,
      inferenceConfig: { maxTokens: 3000 },
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
    };
    const ask: Message = { role: 'user', content: [{ text: 'get_weather for me' }] };
    const first = await client.send(new ConverseCommand({ ...common, messages: [ask] }));
    const reply = first.output!.message!;
    expect(reply.content?.[0].reasoningContent?.reasoningText?.signature).toEqual(expect.any(String));
    const call = reply.content!.find((b) => b.toolUse)!.toolUse!;
    const second = await client.send(
      new ConverseCommand({
        ...common,
        messages: [
          ask,
          reply,
          {
            role: 'user',
            content: [{ toolResult: { toolUseId: call.toolUseId, content: [{ text: 'sunny' }] } }],
          },
        ],
      }),
    );
    expect(second.output?.message?.content?.at(-1)).toEqual({ text: 'Tool get_weather returned: sunny' });
  });

  it('reports a prompt-cache write, then a read, for a repeated prefix', async () => {
    const prefix = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ');
    const input = (question: string): ConverseCommandInput => ({
      modelId: 'amazon.nova-pro-v1:0',
      system: [{ text: prefix }, { cachePoint: { type: 'default' } }],
      messages: [{ role: 'user', content: [{ text: question }] }],
    });
    const first = await client.send(new ConverseCommand(input('one')));
    const second = await client.send(new ConverseCommand(input('two')));
    expect(first.usage).toMatchObject({ cacheWriteInputTokens: 1200, cacheReadInputTokens: 0 });
    expect(second.usage).toMatchObject({
      cacheWriteInputTokens: 0,
      cacheReadInputTokens: 1200,
      inputTokens: 1,
    });
  });

  it('returns a deterministic embedding of the requested dimension', async () => {
    const embed = async (text: string) => {
      const out = await client.send(
        new InvokeModelCommand({
          modelId: 'amazon.titan-embed-text-v2:0',
          contentType: 'application/json',
          body: JSON.stringify({ inputText: text, dimensions: 512 }),
        }),
      );
      return JSON.parse(Buffer.from(out.body).toString('utf8')) as {
        embedding: number[];
        inputTextTokenCount: number;
      };
    };
    const [a, b, c] = await Promise.all([embed('same text'), embed('same text'), embed('other text')]);
    expect(a.embedding).toHaveLength(512);
    expect(a.embedding).toEqual(b.embedding);
    expect(a.embedding).not.toEqual(c.embedding);
    expect(a.inputTextTokenCount).toBe(2);
  });
});
