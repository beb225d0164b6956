import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import http2 from 'node:http2';
import { startEmulator, type RunningEmulator } from '../src';
import { caught, collect, converseInput, MODEL, runtimeClient, sigv4Headers } from './support/sdk';

describe('faults through the real SDK', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  const once = (): ReturnType<typeof runtimeClient> => runtimeClient(emulator, { maxAttempts: 1 });

  describe('error before the response', () => {
    it.each([
      ['ValidationException', 400],
      ['AccessDeniedException', 403],
      ['ResourceNotFoundException', 404],
      ['ModelTimeoutException', 408],
      ['ModelErrorException', 424],
      ['ThrottlingException', 429],
      ['ModelNotReadyException', 429],
      ['InternalServerException', 500],
      ['ServiceUnavailableException', 503],
    ])('%s arrives as that SDK exception with status %i', async (errorType, status) => {
      emulator.faults.add({ kind: 'error', errorType });
      const error = await caught(() => once().send(new ConverseCommand(converseInput())));
      expect(error.name).toBe(errorType);
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.$metadata).toMatchObject({ httpStatusCode: status, attempts: 1 });
      expect(emulator.requests()[0]).toMatchObject({
        status,
        errorType,
        outcome: 'error',
        faults: ['error'],
      });
    });

    it('carries ModelErrorException extras and accepts short names and custom messages', async () => {
      emulator.faults.add({ kind: 'error', errorType: 'ModelError', message: 'upstream said no' });
      const error = await caught(() => once().send(new ConverseCommand(converseInput())));
      expect(error).toMatchObject({
        name: 'ModelErrorException',
        message: 'upstream said no',
        originalStatusCode: 500,
        resourceName: MODEL,
      });
    });

    it('fails ConverseStream at send(), before any frame', async () => {
      emulator.faults.add({ kind: 'error', errorType: 'throttling', match: { operation: 'ConverseStream' } });
      const error = await caught(() => once().send(new ConverseStreamCommand(converseInput())));
      expect(error.name).toBe('ThrottlingException');
      expect(emulator.requests()[0].streamEvents).toBe(0);
    });

    it('is retried by the SDK for 429/500/503: three attempts, three log entries', async () => {
      emulator.faults.add({ kind: 'error', errorType: 'ThrottlingException', times: 3 });
      const error = await caught(() => runtimeClient(emulator).send(new ConverseCommand(converseInput())));
      expect(error.$metadata).toMatchObject({ attempts: 3 });
      expect(emulator.requests().map((e) => e.status)).toEqual([429, 429, 429]);
    });

    it('lets a retrying client succeed once the fault is used up', async () => {
      emulator.faults.add({ kind: 'error', errorType: 'ServiceUnavailableException', times: 2 });
      const out = await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
      expect(out.$metadata.attempts).toBe(3);
      expect(emulator.requests().map((e) => e.outcome)).toEqual(['error', 'error', 'completed']);
    });

    it('only hits matching requests', async () => {
      emulator.faults.add({
        kind: 'error',
        errorType: 'ThrottlingException',
        match: { modelId: 'us.' + MODEL },
      });
      await once().send(new ConverseCommand(converseInput()));
      const error = await caught(() => once().send(new ConverseCommand(converseInput('x', 'us.' + MODEL))));
      expect(error.name).toBe('ThrottlingException');
      expect(emulator.faults.list()).toEqual([]);
    });
  });

  describe('exception inside the stream', () => {
    it.each([
      ['throttlingException', 'ThrottlingException'],
      ['modelStreamErrorException', 'ModelStreamErrorException'],
      ['validationException', 'ValidationException'],
      ['internalServerException', 'InternalServerException'],
      ['serviceUnavailableException', 'ServiceUnavailableException'],
    ])('%s after 2 events surfaces as %s during iteration', async (exceptionType, name) => {
      emulator.faults.add({ kind: 'stream-error', exceptionType, afterEvents: 2 });
      const out = await once().send(new ConverseStreamCommand(converseInput()));
      const received: unknown[] = [];
      const error = await caught(async () => {
        for await (const event of out.stream ?? []) received.push(event);
      });
      expect(error.name).toBe(name);
      expect(received).toHaveLength(2);
      expect(emulator.requests()[0]).toMatchObject({
        status: 200,
        errorType: exceptionType,
        streamEvents: 3,
        outcome: 'error',
      });
    });

    it('modelStreamErrorException carries originalStatusCode and originalMessage', async () => {
      emulator.faults.add({ kind: 'stream-error' });
      const out = await once().send(new ConverseStreamCommand(converseInput()));
      const error = await caught(() => collect(out.stream));
      expect(error).toMatchObject({ name: 'ModelStreamErrorException', originalStatusCode: 500 });
      expect(typeof error.originalMessage).toBe('string');
    });

    it('as the very first frame, fails send() itself (docs/bedrock-protocol.md §4.1)', async () => {
      emulator.faults.add({ kind: 'stream-error', exceptionType: 'throttlingException', afterEvents: 0 });
      const error = await caught(async () =>
        collect((await once().send(new ConverseStreamCommand(converseInput()))).stream),
      );
      expect(error.name).toBe('ThrottlingException');
    });
  });

  describe('latency, stall and drop', () => {
    it('adds latency before the response', async () => {
      emulator.faults.add({ kind: 'latency', ms: 300 });
      const started = Date.now();
      await once().send(new ConverseCommand(converseInput()));
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(emulator.requests()[0].faults).toEqual(['latency']);
    });

    it('stalls a JSON response after its head until the client gives up', async () => {
      emulator.faults.add({ kind: 'stall' });
      const client = runtimeClient(emulator, {
        maxAttempts: 1,
        requestHandler: new NodeHttp2Handler({ requestTimeout: 300 }),
      });
      const started = Date.now();
      // Over HTTP/2 the SDK reports a body cut after the head as an empty success, not an error.
      const outcome = await client.send(new ConverseCommand(converseInput())).then(
        (out) => out.output,
        (error: Error) => error.name,
      );
      expect(outcome === undefined || outcome === 'TimeoutError').toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      await expect(emulator.waitForRequest((e) => e.operation === 'Converse')).resolves.toMatchObject({
        status: 200,
        outcome: 'aborted',
      });
    });

    it('stalls a stream after K events until the client aborts', async () => {
      emulator.faults.add({ kind: 'stall', afterEvents: 2 });
      const controller = new AbortController();
      const out = await once().send(new ConverseStreamCommand(converseInput()), {
        abortSignal: controller.signal,
      });
      const received: unknown[] = [];
      await caught(async () => {
        for await (const event of out.stream ?? []) {
          received.push(event);
          if (received.length === 2) setTimeout(() => controller.abort(), 100);
        }
        throw new Error('stream ended');
      });
      expect(received).toHaveLength(2);
      await expect(emulator.waitForRequest(() => true)).resolves.toMatchObject({
        streamEvents: 2,
        outcome: 'aborted',
      });
    });

    it('drops the connection in the middle of a JSON response', async () => {
      emulator.faults.add({ kind: 'drop' });
      const outcome = await once()
        .send(new ConverseCommand(converseInput()))
        .then(
          (out) => out.output,
          (error: Error) => error.name,
        );
      expect(outcome === undefined || !/Exception$/.test(String(outcome))).toBe(true);
      expect(emulator.requests()[0]).toMatchObject({ outcome: 'dropped', faults: ['drop'] });
    });

    it.each([
      ['HTTP/2', undefined],
      ['HTTP/1.1', new NodeHttpHandler()],
    ])(
      'drops a stream after K events (%s): the client gets those K and no metadata',
      async (_name, requestHandler) => {
        emulator.faults.add({ kind: 'drop', afterEvents: 3 });
        const client = runtimeClient(emulator, {
          maxAttempts: 1,
          ...(requestHandler ? { requestHandler } : {}),
        });
        const out = await client.send(new ConverseStreamCommand(converseInput()));
        const received: object[] = [];
        await caught(async () => {
          for await (const event of out.stream ?? []) received.push(event);
          // HTTP/2: the SDK ends the iteration quietly on a reset; HTTP/1.1: it throws.
          throw new Error('stream ended');
        });
        expect(received).toHaveLength(3);
        expect(received.some((e) => 'metadata' in e)).toBe(false);
        expect(emulator.requests()[0]).toMatchObject({ streamEvents: 3, outcome: 'dropped' });
      },
    );
  });

  describe('slice', () => {
    it.each([
      ['HTTP/2', undefined],
      ['HTTP/1.1', new NodeHttpHandler()],
    ])(
      'a stream written 7 bytes at a time decodes to the same events (%s)',
      async (_name, requestHandler) => {
        const client = runtimeClient(emulator, requestHandler ? { requestHandler } : {});
        const whole = await collect(
          (await client.send(new ConverseStreamCommand(converseInput('slice me')))).stream,
        );
        emulator.faults.add({ kind: 'slice', bytes: 7 });
        const sliced = await collect(
          (await client.send(new ConverseStreamCommand(converseInput('slice me')))).stream,
        );
        expect(sliced).toEqual(whole);
        expect(emulator.requests()[1]).toMatchObject({ faults: ['slice'], outcome: 'completed' });
      },
    );

    it('a JSON response written 3 bytes at a time still parses', async () => {
      const whole = await once().send(new ConverseCommand(converseInput('json slices')));
      emulator.faults.add({ kind: 'slice', bytes: 3 });
      const sliced = await once().send(new ConverseCommand(converseInput('json slices')));
      expect(sliced.output).toEqual(whole.output);
    });

    it('really leaves in slices of at most N bytes', async () => {
      emulator.faults.add({ kind: 'slice', bytes: 5 });
      const session = http2.connect(emulator.url);
      const stream = session.request({
        ':method': 'POST',
        ':path': `/model/${encodeURIComponent(MODEL)}/converse-stream`,
        'content-type': 'application/json',
        ...sigv4Headers(),
      });
      stream.end(JSON.stringify(converseInput('raw')));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      await new Promise((resolve) => stream.on('end', resolve));
      session.close();
      expect(chunks.length).toBeGreaterThan(20);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(5);
    });
  });

  describe('control API', () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${emulator.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('arms, lists and clears faults over HTTP', async () => {
      const created = await post([
        {
          kind: 'error',
          errorType: 'ThrottlingException',
          match: { operation: 'Converse' },
          times: 'always',
        },
        { kind: 'latency', ms: 1 },
      ]);
      expect(created.status).toBe(201);
      expect(((await created.json()) as { ids: string[] }).ids).toHaveLength(2);
      expect((await caught(() => once().send(new ConverseCommand(converseInput())))).name).toBe(
        'ThrottlingException',
      );
      const listed = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
        faults: { remaining: unknown }[];
      };
      expect(listed.faults).toEqual([expect.objectContaining({ remaining: 'always' })]);
      expect((await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
      await once().send(new ConverseCommand(converseInput()));
    });

    it('rejects an invalid fault with 400 and arms nothing', async () => {
      const response = await post([{ kind: 'latency', ms: 5 }, { kind: 'slice' }]);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('slice');
      expect(emulator.faults.list()).toEqual([]);
    });
  });
});

describe('InvokeModelWithResponseStream faults', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  const input = {
    modelId: MODEL,
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  };

  it('modelTimeoutException mid-stream surfaces as ModelTimeoutException', async () => {
    emulator.faults.add({ kind: 'stream-error', exceptionType: 'ModelTimeoutException', afterEvents: 1 });
    const client = runtimeClient(emulator, { maxAttempts: 1 });
    const out = await client.send(new InvokeModelWithResponseStreamCommand(input));
    const error = await caught(() => collect(out.body));
    expect(error.name).toBe('ModelTimeoutException');
  });

  it('sliced IMWRS chunks decode unchanged', async () => {
    const client = runtimeClient(emulator);
    const whole = await collect((await client.send(new InvokeModelWithResponseStreamCommand(input))).body);
    emulator.faults.add({ kind: 'slice', bytes: 4 });
    const sliced = await collect((await client.send(new InvokeModelWithResponseStreamCommand(input))).body);
    expect(sliced).toEqual(whole);
  });
});
