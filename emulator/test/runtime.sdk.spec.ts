import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, collect, converseInput, MODEL, runtimeClient } from './support/sdk';
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

describe('native and token-count operations (stand-in engine)', () => {
  let emulator: RunningEmulator;
  const engine = createStandInEngine();

  beforeAll(async () => {
    emulator = await startEmulator({ engine });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('InvokeModel passes the raw body through and returns the engine headers', async () => {
    const body = JSON.stringify({ inputText: 'native hello' });
    const out = await runtimeClient(emulator).send(
      new InvokeModelCommand({
        modelId: MODEL,
        contentType: 'application/json',
        accept: 'application/json',
        body,
      }),
    );
    expect(JSON.parse(Buffer.from(out.body).toString())).toEqual({ outputText: 'echo: native hello' });
    expect(out.contentType).toBe('application/json');
    const call = engine.calls.at(-1);
    expect(call?.body.toString()).toBe(body);
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers['accept']).toBe('application/json');
    expect(emulator.requests()[0].body).toEqual({ inputText: 'native hello' });
  });

  it('InvokeModel response carries the token-count headers', async () => {
    const response = await fetch(`${emulator.url}/model/${encodeURIComponent(MODEL)}/invoke`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"inputText":"x"}',
    });
    expect(response.headers.get('x-amzn-bedrock-input-token-count')).toBe('3');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('InvokeModelWithResponseStream delivers chunks with the payload content type', async () => {
    const out = await runtimeClient(emulator).send(
      new InvokeModelWithResponseStreamCommand({
        modelId: MODEL,
        contentType: 'application/json',
        body: '{}',
      }),
    );
    expect(out.contentType).toBe('application/json');
    const chunks = await collect(out.body);
    expect(chunks.map((c) => JSON.parse(Buffer.from(c.chunk?.bytes ?? []).toString()).outputText)).toEqual([
      'alpha',
      'beta',
      'gamma',
      'delta',
      'epsilon',
    ]);
  });

  it('CountTokens returns the JSON body', async () => {
    const out = await runtimeClient(emulator).send(
      new CountTokensCommand({
        modelId: MODEL,
        input: { converse: { messages: [{ role: 'user', content: [{ text: 'hi' }] }] } },
      }),
    );
    expect(out.inputTokens).toBe(7);
    expect(emulator.requests()[0]).toMatchObject({ operation: 'CountTokens', status: 200 });
  });
});
