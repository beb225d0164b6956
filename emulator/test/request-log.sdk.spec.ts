import { ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulator, type RequestLogEntry, type RunningEmulator } from '../src';
import {
  caught,
  collect,
  controlClient,
  converseInput,
  MODEL,
  runtimeClient,
  sigv4Headers,
} from './support/sdk';

describe('request log and pacing', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.config.latencyMs = 0;
    emulator.config.chunkDelayMs = 0;
  });

  it('records one entry per request in arrival order with what tests assert on', async () => {
    await runtimeClient(emulator).send(new ConverseCommand(converseInput('first')));
    await controlClient(emulator).send(new ListFoundationModelsCommand({ byProvider: 'Amazon' }));
    const [converse, list] = emulator.requests();
    expect(converse).toMatchObject({
      seq: 1,
      protocol: 'h2',
      method: 'POST',
      path: `/model/${encodeURIComponent(MODEL)}/converse`,
      operation: 'Converse',
      modelId: MODEL,
      // modelId travels in the path, everything else in the body.
      body: {
        messages: converseInput('first').messages,
        inferenceConfig: converseInput('first').inferenceConfig,
      },
      status: 200,
      streamEvents: 0,
      outcome: 'completed',
      faults: [],
    });
    expect(converse.headers['content-type']).toBe('application/json');
    expect(converse.headers['amz-sdk-request']).toBe('attempt=1; max=3');
    expect(Date.parse(converse.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(converse.receivedAt));
    expect(list).toMatchObject({
      seq: 2,
      protocol: 'http/1.1',
      method: 'GET',
      path: '/foundation-models?byProvider=Amazon',
    });
    expect(list.body).toBeUndefined();
  });

  it('keeps counting after clearRequests and returns only newer entries on request', async () => {
    await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
    const seq = emulator.requests()[0].seq;
    emulator.clearRequests();
    expect(emulator.requests()).toEqual([]);
    await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
    await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
    expect(emulator.requests().map((e) => e.seq)).toEqual([seq + 1, seq + 2]);
    expect(emulator.requests(seq + 1).map((e) => e.seq)).toEqual([seq + 2]);
  });

  it('records a client that went away mid-stream as aborted and stops writing', async () => {
    emulator.config.chunkDelayMs = 50;
    const controller = new AbortController();
    const out = await runtimeClient(emulator, { maxAttempts: 1 }).send(
      new ConverseStreamCommand(converseInput('a long answer please')),
      {
        abortSignal: controller.signal,
      },
    );
    let received = 0;
    await caught(async () => {
      for await (const _event of out.stream ?? []) {
        received += 1;
        if (received === 2) controller.abort();
      }
      throw new Error('stream ended');
    });
    const entry = await emulator.waitForRequest((e) => e.operation === 'ConverseStream');
    expect(entry.outcome).toBe('aborted');
    expect(entry.streamEvents).toBeGreaterThanOrEqual(2);
    // The emulator stopped: nothing more was written after the client left.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(emulator.requests()[0].streamEvents).toBe(entry.streamEvents);
  });

  it('records an HTTP/1.1 client that disconnects during model latency', async () => {
    emulator.config.latencyMs = 2_000;
    const client = runtimeClient(emulator, { maxAttempts: 1, requestHandler: new NodeHttpHandler() });
    await caught(() =>
      client.send(new ConverseCommand(converseInput()), { abortSignal: AbortSignal.timeout(100) }),
    );
    await expect(emulator.waitForRequest(() => true)).resolves.toMatchObject({ outcome: 'aborted' });
  });

  it('waits latencyMs before the first byte and chunkDelayMs between events', async () => {
    emulator.config.latencyMs = 200;
    let started = Date.now();
    await runtimeClient(emulator).send(new ConverseCommand(converseInput()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);

    emulator.config.latencyMs = 0;
    emulator.config.chunkDelayMs = 40;
    started = Date.now();
    const events = await collect(
      (await runtimeClient(emulator).send(new ConverseStreamCommand(converseInput()))).stream,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 * (events.length - 1) - 20);
  });

  it('answers rejections without the model latency', async () => {
    emulator.config.latencyMs = 5_000;
    const error = await caught(() =>
      runtimeClient(emulator).send(new ConverseCommand(converseInput('x', 'acme.none-v1:0'))),
    );
    expect(error.name).toBe('ValidationException');
  });

  it('serves the log, config and reset over the control API', async () => {
    await runtimeClient(emulator).send(new ConverseCommand(converseInput('over http')));
    const listed = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as {
      requests: RequestLogEntry[];
    };
    expect(listed.requests.map((e) => e.operation)).toEqual(['Converse']);
    const since = (await (
      await fetch(`${emulator.url}/_emulator/requests?since=${listed.requests[0].seq}`)
    ).json()) as {
      requests: RequestLogEntry[];
    };
    expect(since.requests).toEqual([]);

    const patched = await fetch(`${emulator.url}/_emulator/config`, {
      method: 'PATCH',
      body: JSON.stringify({ chunkDelayMs: 7 }),
    });
    expect(await patched.json()).toEqual({ latencyMs: 0, chunkDelayMs: 7 });
    expect(emulator.config.chunkDelayMs).toBe(7);
    expect(
      (await fetch(`${emulator.url}/_emulator/config`, { method: 'PATCH', body: '{"latencyMs":-1}' })).status,
    ).toBe(400);

    emulator.faults.add({ kind: 'drop' });
    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(204);
    expect(emulator.requests()).toEqual([]);
    expect(emulator.faults.list()).toEqual([]);
    expect((await fetch(`${emulator.url}/_emulator/health`)).status).toBe(200);
    expect((await fetch(`${emulator.url}/_emulator/nothing`)).status).toBe(404);
  });

  it('answers unknown routes with 404 UnknownOperationException and logs them', async () => {
    const response = await fetch(`${emulator.url}/guardrail/g/version/1/apply`, {
      method: 'POST',
      headers: sigv4Headers(),
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException:/);
    expect(emulator.requests()[0]).toMatchObject({ operation: 'Unknown', status: 404, outcome: 'error' });
  });

  it('accepts a 25 MB body and rejects a larger one with ValidationException', async () => {
    const small = await startEmulator({ maxBodyBytes: 1_000 });
    try {
      const error = await caught(() =>
        runtimeClient(small, { maxAttempts: 1 }).send(new ConverseCommand(converseInput('x'.repeat(2_000)))),
      );
      expect(error.name).toBe('ValidationException');
      expect(error.message).toContain('less than or equal to 1000');
      expect(small.requests()[0]).toMatchObject({ status: 400, outcome: 'error' });
    } finally {
      await small.close();
    }
    const big = 'y'.repeat(24_000_000);
    const out = await runtimeClient(emulator).send(new ConverseCommand(converseInput(big)));
    expect(out.stopReason).toBeDefined();
    expect(emulator.requests()[0]).toMatchObject({ bodyOmitted: true });
    expect(emulator.requests()[0].bodyBytes).toBeGreaterThan(24_000_000);
  }, 30_000);
});
