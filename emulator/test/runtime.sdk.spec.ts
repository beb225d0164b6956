import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, collect, converseInput, MODEL, runtimeClient, sigv4Headers } from './support/sdk';
import { createStandInEngine } from './support/stand-in.engine';

describe('runtime operations through the real SDK (default HTTP/2 handler)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('Converse returns the JSON body with a request id', async () => {
    const client = runtimeClient(emulator);
    const out = await client.send(new ConverseCommand(converseInput('Tell me about otters')));
    expect(out.output?.message?.role).toBe('assistant');
    expect(out.stopReason).toBe('end_turn');
    expect(out.usage?.outputTokens).toBeGreaterThan(0);
    const [entry] = emulator.requests();
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry).toMatchObject({
      protocol: 'h2',
      operation: 'Converse',
      modelId: MODEL,
      status: 200,
      outcome: 'completed',
    });
  });

  it('ConverseStream decodes every frame, metadata last, and matches Converse', async () => {
    const client = runtimeClient(emulator);
    const streamed = await client.send(new ConverseStreamCommand(converseInput('Stream it')));
    const events = await collect(streamed.stream);
    expect(Object.keys(events[0])).toEqual(['messageStart']);
    expect(Object.keys(events[events.length - 1])).toEqual(['metadata']);
    const text = events.map((e) => e.contentBlockDelta?.delta?.text ?? '').join('');
    const whole = await client.send(new ConverseCommand(converseInput('Stream it')));
    expect(text).toBe(whole.output?.message?.content?.[0]?.text);
    const entry = emulator.requests()[0];
    expect(entry).toMatchObject({
      operation: 'ConverseStream',
      streamEvents: events.length,
      outcome: 'completed',
    });
  });

  it('maps engine rejections to the modeled SDK exception', async () => {
    const error = await caught(() =>
      runtimeClient(emulator).send(new ConverseCommand(converseInput('x', 'no.such-model-v1:0'))),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('The provided model identifier is invalid.');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 1 });
    expect(emulator.requests()[0]).toMatchObject({
      status: 400,
      errorType: 'ValidationException',
      outcome: 'error',
    });
  });

  it('accepts percent-encoded ARNs as model ids', async () => {
    const arn = `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}`;
    await runtimeClient(emulator).send(new ConverseCommand(converseInput('hi', arn)));
    expect(emulator.requests()[0]).toMatchObject({ modelId: arn, status: 200 });
    expect(emulator.requests()[0].path).toContain('arn%3Aaws%3Abedrock');
  });

  it('serves HTTP/1.1 clients on the same port', async () => {
    const client = runtimeClient(emulator, { requestHandler: new NodeHttpHandler() });
    const events = await collect(
      (await client.send(new ConverseStreamCommand(converseInput('over h1')))).stream,
    );
    expect(events.length).toBeGreaterThan(3);
    await client.send(new ConverseCommand(converseInput('over h1')));
    expect(emulator.requests().map((e) => e.protocol)).toEqual(['http/1.1', 'http/1.1']);
  });
});

describe('native and token-count operations through the real SDK', () => {
  let emulator: RunningEmulator;
  const claudeBody = JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'native hello' }],
  });

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('InvokeModel returns the native body and logs the native request', async () => {
    const out = await runtimeClient(emulator).send(
      new InvokeModelCommand({
        modelId: MODEL,
        contentType: 'application/json',
        accept: 'application/json',
        body: claudeBody,
      }),
    );
    const reply = JSON.parse(Buffer.from(out.body).toString()) as { type: string; content: unknown[] };
    expect(reply.type).toBe('message');
    expect(out.contentType).toBe('application/json');
    expect(emulator.requests()[0]).toMatchObject({
      operation: 'InvokeModel',
      body: JSON.parse(claudeBody),
      status: 200,
    });
  });

  it('InvokeModel responses carry the engine token-count headers and a request id', async () => {
    const response = await fetch(`${emulator.url}/model/${encodeURIComponent(MODEL)}/invoke`, {
      method: 'POST',
      headers: { ...sigv4Headers(), 'content-type': 'application/json' },
      body: claudeBody,
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-amzn-bedrock-input-token-count'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('x-amzn-bedrock-output-token-count'))).toBeGreaterThan(0);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('InvokeModel with a non-JSON body is logged as base64', async () => {
    const error = await caught(() =>
      runtimeClient(emulator, { maxAttempts: 1 }).send(
        new InvokeModelCommand({
          modelId: MODEL,
          contentType: 'application/octet-stream',
          body: Buffer.from([0, 1, 2, 255]),
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(emulator.requests()[0]).toMatchObject({ bodyBase64: 'AAEC/w==', bodyBytes: 4 });
  });

  it('InvokeModelWithResponseStream delivers every native chunk with the payload content type', async () => {
    const out = await runtimeClient(emulator).send(
      new InvokeModelWithResponseStreamCommand({
        modelId: MODEL,
        contentType: 'application/json',
        body: claudeBody,
      }),
    );
    expect(out.contentType).toBe('application/json');
    const chunks = (await collect(out.body)).map(
      (c) => JSON.parse(Buffer.from(c.chunk?.bytes ?? []).toString()) as { type: string },
    );
    expect(chunks[0].type).toBe('message_start');
    expect(chunks[chunks.length - 1]).toHaveProperty('amazon-bedrock-invocationMetrics');
    expect(emulator.requests()[0]).toMatchObject({ streamEvents: chunks.length, outcome: 'completed' });
  });

  it('CountTokens returns the JSON body', async () => {
    const out = await runtimeClient(emulator).send(
      new CountTokensCommand({
        modelId: MODEL,
        input: { converse: { messages: [{ role: 'user', content: [{ text: 'count these words' }] }] } },
      }),
    );
    expect(out.inputTokens).toBeGreaterThan(0);
    expect(emulator.requests()[0]).toMatchObject({ operation: 'CountTokens', status: 200 });
  });
});

describe('what the protocol layer hands to an engine (stand-in engine)', () => {
  it('passes the decoded model id, lower-cased headers and the raw body bytes', async () => {
    const engine = createStandInEngine();
    const emulator = await startEmulator({ engine });
    try {
      const arn = `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}`;
      const body = Buffer.from('{"inputText":"raw bytes"}');
      await runtimeClient(emulator).send(
        new InvokeModelCommand({ modelId: arn, contentType: 'application/json', accept: '*/*', body }),
      );
      const call = engine.calls[0];
      expect(call.operation).toBe('InvokeModel');
      expect(call.modelId).toBe(arn);
      expect(call.body.equals(body)).toBe(true);
      expect(call.headers).toMatchObject({ 'content-type': 'application/json', accept: '*/*' });
      expect(Object.keys(call.headers).every((name) => name === name.toLowerCase())).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
