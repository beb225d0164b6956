import type Anthropic from '@anthropic-ai/sdk';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { ImageServer, PNG, startImageServer } from '../support/image-server';
import {
  anthropicClient,
  HAIKU_3,
  nativeCall,
  rawMessagesStream,
  SONNET_45,
  SONNET_45_PROFILE,
  weatherTool,
} from './anthropic.harness';

let gw: TestGateway;
let client: Anthropic;
let images: ImageServer;

beforeAll(async () => {
  images = await startImageServer({
    '/cat.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
  });
  gw = await startTestGateway({ IMAGE_FETCH_ALLOWED_HOSTS: '127.0.0.1' });
  client = anthropicClient(gw);
});
afterAll(async () => {
  await gw.close();
  await images.close();
});

describe('POST /v1/messages with the official Anthropic SDK (Claude through native InvokeModel)', () => {
  it('answers a text request with the emulator’s answer and sends Bedrock a native Claude body', async () => {
    const since = mark(gw.emulator);
    const message = await client.messages.create({
      model: SONNET_45,
      max_tokens: 256,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Say hello to the gateway' }],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: SONNET_45,
      stop_reason: 'end_turn',
    });
    expect(message.content).toEqual([{ type: 'text', text: 'You said: Say hello to the gateway' }]);
    expect(message.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 7 });
    const call = nativeCall(gw, since);
    expect(call.operation).toBe('InvokeModel');
    expect(call.modelId).toBe(SONNET_45_PROFILE);
    expect(call.body).toEqual({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 256,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: 'Say hello to the gateway' }],
    });
  });

  it('streams Anthropic’s event sequence, ping included, with usage in message_delta', async () => {
    const since = mark(gw.emulator);
    const stream = await client.messages.create({
      model: SONNET_45,
      max_tokens: 256,
      stream: true,
      messages: [{ role: 'user', content: 'stream three words' }],
    });
    const types: string[] = [];
    let text = '';
    let finalUsage: unknown;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      if (event.type === 'message_delta') finalUsage = event.usage;
    }
    // The SDK hides `ping` (the raw frames are checked below).
    expect(types.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text).toBe('You said: stream three words');
    expect(finalUsage).toMatchObject({ output_tokens: 5 });
    expect(nativeCall(gw, since).operation).toBe('InvokeModelWithResponseStream');

    const { response: raw, frames } = await rawMessagesStream(gw, '/v1/messages?beta=true');
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    expect(frames[0]).toMatch(/^event: message_start\ndata: \{"type":"message_start"/);
    expect(frames[1]).toBe('event: ping\ndata: {"type":"ping"}');
    expect(frames.at(-1)).toBe('event: message_stop\ndata: {"type":"message_stop"}');
    expect(frames.join('')).not.toContain('amazon-bedrock-invocationMetrics');
  });

  it('round-trips a tool call: tool_use out, tool_result back in', async () => {
    const first = await client.messages.create({
      model: SONNET_45,
      max_tokens: 512,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
    });
    expect(first.stop_reason).toBe('tool_use');
    const toolUse = first.content.find((b) => b.type === 'tool_use')!;
    expect(toolUse).toMatchObject({
      name: 'get_weather',
      input: { city: 'city-sample' },
      id: expect.stringMatching(/^toolu_bdrk_/),
    });

    const since = mark(gw.emulator);
    const second = await client.messages.create({
      model: SONNET_45,
      max_tokens: 512,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Use get_weather for Paris' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny, 21 C' }] },
      ],
    });
    expect(second.content.at(-1)).toEqual({ type: 'text', text: 'Tool get_weather returned: sunny, 21 C' });
    const sent = nativeCall(gw, since).body.messages as { content: unknown }[];
    expect(sent[2].content).toEqual([
      { type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny, 21 C' },
    ]);
  });

  it('takes images as base64 and by URL (fetched by the gateway), and PDF documents', async () => {
    const since = mark(gw.emulator);
    const message = await client.messages.create({
      model: SONNET_45,
      max_tokens: 256,
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: PNG.toString('base64') },
            },
            { type: 'image', source: { type: 'url', url: `${images.url}/cat.png` } },
            {
              type: 'document',
              source: {
                type: 'base64',
                media_type: 'application/pdf',
                data: Buffer.from('%PDF-1.4 tiny').toString('base64'),
              },
              title: 'spec',
            },
            { type: 'text', text: 'describe these' },
          ],
        },
      ],
    });
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining('[image png') });
    const content = (
      nativeCall(gw, since).body.messages as { content: { type: string; source: unknown }[] }[]
    )[0].content;
    expect(content[1].source).toEqual({
      type: 'base64',
      media_type: 'image/png',
      data: PNG.toString('base64'),
    });
    expect(content[2]).toMatchObject({
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf' },
    });
    expect(images.hits).toEqual(['/cat.png']);
  });

  it('returns signed thinking and accepts it back in the history (and refuses a forged signature)', async () => {
    const first = await client.messages.create({
      model: SONNET_45,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'think about tea' }],
    });
    const thinking = first.content[0];
    expect(thinking).toMatchObject({
      type: 'thinking',
      thinking: expect.any(String),
      signature: expect.any(String),
    });
    const history = (signature: string) => [
      { role: 'user' as const, content: 'think about tea' },
      {
        role: 'assistant' as const,
        content: [{ ...(thinking as Anthropic.ThinkingBlock), signature }, ...first.content.slice(1)],
      },
      { role: 'user' as const, content: 'and coffee?' },
    ];
    const since = mark(gw.emulator);
    const second = await client.messages.create({
      model: SONNET_45,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: history((thinking as Anthropic.ThinkingBlock).signature),
    });
    expect(second.stop_reason).toBe('end_turn');
    const sent = nativeCall(gw, since).body.messages as { content: { signature?: string }[] }[];
    expect(sent[1].content[0].signature).toBe((thinking as Anthropic.ThinkingBlock).signature);

    await expect(
      client.messages.create({
        model: SONNET_45,
        max_tokens: 4096,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: history('forged'),
      }),
    ).rejects.toMatchObject({
      status: 400,
      error: { type: 'error', error: { type: 'invalid_request_error' } },
    });
  });

  it('passes cache_control to models with prompt caching and reports cache usage; strips it elsewhere', async () => {
    const long = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ');
    const request = {
      model: SONNET_45,
      max_tokens: 64,
      system: [{ type: 'text' as const, text: long, cache_control: { type: 'ephemeral' as const } }],
      messages: [{ role: 'user' as const, content: 'cache me' }],
    };
    const first = await client.messages.create(request);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    const second = await client.messages.create(request);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);

    const since = mark(gw.emulator);
    await client.messages.create({ ...request, model: HAIKU_3 });
    expect(JSON.stringify(nativeCall(gw, since).body)).not.toContain('cache_control');
  });

  it('counts tokens through Bedrock’s CountTokens with the base model id', async () => {
    const since = mark(gw.emulator);
    const counted = await client.messages.countTokens({
      model: SONNET_45,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'count these four words' }],
    });
    expect(counted.input_tokens).toBeGreaterThan(0);
    const call = gw.emulator.requests(since).find((e) => e.operation === 'CountTokens')!;
    expect(call.modelId).toBe('anthropic.claude-sonnet-4-5-20250929-v1:0');
    const answered = await client.messages.create({
      model: SONNET_45,
      max_tokens: 64,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'count these four words' }],
    });
    expect(counted.input_tokens).toBe(answered.usage.input_tokens);
  });

  it('lists models in Anthropic’s shape for the Anthropic SDK, OpenAI’s otherwise', async () => {
    const page = await client.models.list();
    const ids = page.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['claude-sonnet-4-5', 'claude-3-haiku', 'claude-haiku-4-5']));
    expect(ids).not.toContain('claude-opus-4-6'); // not in this Bedrock's catalog
    expect(page.data[0]).toMatchObject({
      type: 'model',
      display_name: expect.any(String),
      created_at: expect.any(String),
    });
    const openai = await gw.openai.models.list();
    expect(openai.data[0]).toMatchObject({ object: 'model' });
  });

  it('authenticates with x-api-key or Bearer (Claude Code’s ANTHROPIC_AUTH_TOKEN), the same keys', async () => {
    const bearer = anthropicClient(gw, { authToken: TEST_KEY });
    const message = await bearer.messages.create({
      model: HAIKU_3,
      max_tokens: 32,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(message.type).toBe('message');
    expect(runtimeRequests(gw.emulator).length).toBeGreaterThan(0);
  });
});
