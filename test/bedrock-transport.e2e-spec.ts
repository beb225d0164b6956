import OpenAI from 'openai';
import { startTestGateway, TEST_KEY, TestGateway } from './support/gateway.harness';
import { postSse } from './support/sse';

/**
 * How the gateway behaves when Bedrock misbehaves, asserted on what the client got and on what reached the
 * emulator. Jest runs this file once per transport (projects `e2e` and `e2e-sdk`), so both must agree.
 */
const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ask = { model: MODEL, messages: [{ role: 'user' as const, content: 'Tell me about the sea' }] };
const streamed = { ...ask, stream: true };

describe('Bedrock transport behaviour through the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.emulator.reset());

  const runtimeCalls = () => gw.emulator.requests().filter((e) => e.operation.startsWith('Converse'));

  it('retries throttling before the first byte, then answers', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ThrottlingException',
      match: { operation: 'Converse' },
      times: 2,
    });
    const completion = await gw.openai.chat.completions.create(ask);
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(runtimeCalls().map((e) => [e.status, e.outcome])).toEqual([
      [429, 'error'],
      [429, 'error'],
      [200, 'completed'],
    ]);
  });

  it('does not retry a validation error', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ValidationException',
      message: 'Bad input.',
      match: { operation: 'Converse' },
    });
    await expect(gw.openai.chat.completions.create(ask)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Bad input.'),
    });
    expect(runtimeCalls()).toHaveLength(1);
  });

  it('reports an error before the first byte of a stream as an HTTP error, not a stream', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'AccessDeniedException',
      match: { operation: 'ConverseStream' },
    });
    const result = await postSse(gw.url, streamed);
    expect(result.status).toBe(403);
    expect(runtimeCalls()).toHaveLength(1);
  });

  it('ends a stream with an error frame and no [DONE] on an in-stream exception', async () => {
    gw.emulator.faults.add({ kind: 'stream-error', exceptionType: 'throttlingException', afterEvents: 3 });
    const result = await postSse(gw.url, streamed);
    expect(result.status).toBe(200);
    expect(result.frames).not.toContain('[DONE]');
    expect(JSON.parse(result.frames[result.frames.length - 1])).toMatchObject({
      error: { type: 'rate_limit_error' },
    });
    expect(runtimeCalls().map((e) => e.errorType)).toEqual(['throttlingException']);
  });

  it('treats a stream whose connection drops as failed, never as complete', async () => {
    gw.emulator.faults.add({ kind: 'drop', afterEvents: 3, match: { operation: 'ConverseStream' } });
    const result = await postSse(gw.url, streamed);
    expect(result.frames).not.toContain('[DONE]');
    expect(JSON.parse(result.frames[result.frames.length - 1])).toMatchObject({
      error: { type: 'upstream_error' },
    });
  });

  it('retries a non-stream answer cut in half, and answers 502 when every attempt is cut', async () => {
    gw.emulator.faults.add({ kind: 'drop', match: { operation: 'Converse' } });
    const completion = await gw.openai.chat.completions.create(ask);
    expect(completion.choices[0].message.content).toBeTruthy();
    expect(runtimeCalls().map((e) => e.outcome)).toEqual(['dropped', 'completed']);

    gw.emulator.reset();
    gw.emulator.faults.add({ kind: 'drop', match: { operation: 'Converse' }, times: 'always' });
    await expect(gw.openai.chat.completions.create(ask)).rejects.toMatchObject({ status: 502 });
    expect(runtimeCalls().map((e) => e.outcome)).toEqual(['dropped', 'dropped', 'dropped']);
  });

  it("retries an exception in a stream's first frame: nothing has reached the client yet", async () => {
    gw.emulator.faults.add({ kind: 'stream-error', exceptionType: 'throttlingException', afterEvents: 0 });
    const result = await postSse(gw.url, streamed);
    expect(result.frames[result.frames.length - 1]).toBe('[DONE]');
    expect(runtimeCalls().map((e) => e.outcome)).toEqual(['error', 'completed']);
  });

  it('reassembles event frames split across reads into the same answer', async () => {
    const whole = await postSse(gw.url, streamed);
    gw.emulator.faults.add({ kind: 'slice', bytes: 7 });
    const sliced = await postSse(gw.url, streamed);
    const text = (r: typeof whole) =>
      r.frames
        .filter((d) => d !== '[DONE]')
        .map(
          (d) =>
            (JSON.parse(d) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '',
        )
        .join('');
    expect(sliced.frames[sliced.frames.length - 1]).toBe('[DONE]');
    expect(text(sliced)).toBe(text(whole));
    expect(text(whole).length).toBeGreaterThan(0);
  });

  it('ends the Bedrock stream when the client disconnects', async () => {
    gw.emulator.config.chunkDelayMs = 50;
    const controller = new AbortController();
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...ask, stream: true }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    const entry = await gw.emulator.waitForRequest(
      (e) => e.operation === 'ConverseStream' && e.outcome !== 'pending',
    );
    expect(entry.outcome).toBe('aborted');
    gw.emulator.config.chunkDelayMs = 0;
  });
});

describe('Bedrock transport settings', () => {
  it('honours BEDROCK_MAX_ATTEMPTS: one attempt means no retry, and the client is told to back off', async () => {
    const gw = await startTestGateway({ BEDROCK_MAX_ATTEMPTS: '1' });
    try {
      gw.emulator.faults.add({
        kind: 'error',
        errorType: 'ThrottlingException',
        match: { operation: 'Converse' },
      });
      const error = await gw.openai.chat.completions.create(ask).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('2');
      expect(gw.emulator.requests().filter((e) => e.operation === 'Converse')).toHaveLength(1);
    } finally {
      await gw.close();
    }
  });

  it('abandons a stream Bedrock stops feeding after STREAM_IDLE_TIMEOUT_MS, and ends the upstream call', async () => {
    const gw = await startTestGateway({ STREAM_IDLE_TIMEOUT_MS: '300' });
    try {
      gw.emulator.faults.add({ kind: 'stall', afterEvents: 2, match: { operation: 'ConverseStream' } });
      const result = await postSse(gw.url, streamed);
      expect(result.frames).not.toContain('[DONE]');
      expect(JSON.parse(result.frames[result.frames.length - 1])).toMatchObject({
        error: { code: 'upstream_idle_timeout' },
      });
      const entry = await gw.emulator.waitForRequest(
        (e) => e.operation === 'ConverseStream' && e.outcome !== 'pending',
      );
      expect(entry.outcome).toBe('aborted');
    } finally {
      await gw.close();
    }
  });
});
