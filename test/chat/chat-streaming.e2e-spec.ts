import { APIError } from 'openai';
import { arrived, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { openSse, postSse } from '../support/sse';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  model: HAIKU,
  stream: true,
  messages: [{ role: 'user', content }],
  ...extra,
});

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ STREAM_IDLE_TIMEOUT_MS: '1500', BEDROCK_MAX_ATTEMPTS: '1' });
});
afterAll(() => gw.close());
afterEach(() => {
  gw.emulator.faults.clear();
  gw.emulator.config.chunkDelayMs = 0;
});

describe('streaming (SSE)', () => {
  it('sends a role chunk, content deltas, a finish chunk and [DONE], matching the JSON answer', async () => {
    const res = await postSse(gw.url, ask('stream these four words'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.frames.at(-1)).toBe('[DONE]');
    const chunks = res.json as {
      id: string;
      object: string;
      created: number;
      model: string;
      choices: { index: number; delta: Record<string, unknown>; finish_reason: string | null }[];
      usage?: unknown;
    }[];
    expect(chunks[0].choices[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '' },
      logprobs: null,
      finish_reason: null,
    });
    const last = chunks.at(-1)!;
    expect(last.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    expect(new Set(chunks.map((c) => `${c.id} ${c.object} ${c.created} ${c.model}`)).size).toBe(1);
    expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: HAIKU });
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
    const streamed = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
    const json = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'stream these four words' }],
    });
    expect(streamed).toBe(json.choices[0].message.content);
    expect(chunks.length).toBeGreaterThan(4); // one delta per word, not one blob
  });

  it('adds usage: null to every chunk and a final usage chunk only when include_usage is set', async () => {
    const since = mark(gw.emulator);
    const res = await postSse(
      gw.url,
      ask('count my tokens please', { stream_options: { include_usage: true } }),
    );
    const chunks = res.json as { choices: unknown[]; usage: unknown }[];
    const final = chunks.at(-1)!;
    expect(final.choices).toEqual([]);
    expect(final.usage).toEqual({
      prompt_tokens: 4,
      completion_tokens: 6,
      total_tokens: 10,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(res.frames.at(-1)).toBe('[DONE]');
    expect(runtimeRequests(gw.emulator, since)).toMatchObject([
      { operation: 'ConverseStream', outcome: 'completed' },
    ]);
  });

  it('works through the official client, which assembles the same text', async () => {
    const stream = await gw.openai.chat.completions.create({
      model: HAIKU,
      stream: true,
      messages: [{ role: 'user', content: 'client side' }],
    });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('You said: client side');
    expect(finish).toBe('stop');
  });

  it('writes each chunk as it comes: with Bedrock stalled mid-answer the client already has the first chunks', async () => {
    gw.emulator.faults.add({ kind: 'stall', afterEvents: 3, match: { operation: 'ConverseStream' } });
    const sse = await openSse(gw.url, ask('never finishes this'));
    expect(sse.status).toBe(200);
    const first = [await sse.next(), await sse.next(), await sse.next()].map((f) => JSON.parse(f!));
    expect(first.map((c) => c.choices[0].delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'You ' },
      { content: 'said: ' },
    ]);
    sse.hangUp();
  });
});

describe('stream failures', () => {
  it('turns an upstream error before the first byte into an ordinary HTTP error', async () => {
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ThrottlingException',
      match: { operation: 'ConverseStream' },
    });
    const res = await postSse(gw.url, ask('hi'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('sends an error frame and no [DONE] when Bedrock fails after the first byte', async () => {
    gw.emulator.faults.add({
      kind: 'stream-error',
      afterEvents: 3,
      exceptionType: 'modelStreamErrorException',
      message: 'The system encountered an unexpected error during processing. Try your request again.',
      match: { operation: 'ConverseStream' },
    });
    const res = await postSse(gw.url, ask('this will break'));
    expect(res.status).toBe(200);
    expect(res.frames).not.toContain('[DONE]');
    expect(res.json.at(-1)).toEqual({
      error: {
        message: 'The system encountered an unexpected error during processing. Try your request again.',
        type: 'upstream_error',
        param: null,
        code: 'model_stream_error',
      },
    });
    expect(res.json.slice(0, -1).length).toBeGreaterThan(0);
  });

  it('makes the official client throw when the stream carries an error frame', async () => {
    gw.emulator.faults.add({
      kind: 'stream-error',
      afterEvents: 2,
      exceptionType: 'throttlingException',
      message: 'Too many tokens, please wait before trying again.',
      match: { operation: 'ConverseStream' },
    });
    const stream = await gw.openai.chat.completions.create({
      model: HAIKU,
      stream: true,
      messages: [{ role: 'user', content: 'x y z' }],
    });
    const err = await (async () => {
      for await (const _ of stream) void _;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).message).toContain('Too many tokens, please wait before trying again.');
  });

  it('gives up on a stream Bedrock stopped feeding, reports it, and ends the upstream request', async () => {
    const since = mark(gw.emulator);
    gw.emulator.faults.add({ kind: 'stall', afterEvents: 2, match: { operation: 'ConverseStream' } });
    const res = await postSse(gw.url, ask('stalls after two'));
    expect(res.frames).not.toContain('[DONE]');
    expect(res.json.at(-1)).toMatchObject({
      error: { type: 'timeout_error', code: 'upstream_idle_timeout' },
    });
    const entry = await gw.emulator.waitForRequest((e) => e.seq > since && e.operation === 'ConverseStream');
    expect(entry.outcome).toBe('aborted');
  });

  it('reports a connection Bedrock dropped mid-stream as an error frame', async () => {
    gw.emulator.faults.add({ kind: 'drop', afterEvents: 3, match: { operation: 'ConverseStream' } });
    const res = await postSse(gw.url, ask('dropped after three'));
    expect(res.frames).not.toContain('[DONE]');
    expect(res.json.at(-1)).toHaveProperty('error');
    expect((res.json.at(-1) as { error: { type: string } }).error.type).toMatch(
      /upstream_error|timeout_error/,
    );
  });

  it('decodes a Bedrock stream delivered in 7-byte slices', async () => {
    gw.emulator.faults.add({ kind: 'slice', bytes: 7, match: { operation: 'ConverseStream' } });
    const res = await postSse(gw.url, ask('sliced into small pieces'));
    const text = (res.json as { choices: { delta: { content?: string } }[] }[])
      .map((c) => c.choices[0]?.delta.content ?? '')
      .join('');
    expect(text).toBe('You said: sliced into small pieces');
    expect(res.frames.at(-1)).toBe('[DONE]');
  });
});

describe('client disconnect', () => {
  it('aborts the Bedrock stream when the client hangs up mid-stream', async () => {
    gw.emulator.config.chunkDelayMs = 100;
    const since = mark(gw.emulator);
    const sse = await openSse(gw.url, ask('a long answer that takes a while to stream out'));
    await sse.next();
    await sse.next();
    sse.hangUp();
    const entry = await gw.emulator.waitForRequest((e) => e.seq > since && e.operation === 'ConverseStream');
    expect(entry.outcome).toBe('aborted');
    expect(entry.streamEvents).toBeLessThan(12);
  });

  it('aborts a non-streaming Bedrock call when the client hangs up while waiting', async () => {
    gw.emulator.faults.add({ kind: 'latency', ms: 3000, match: { operation: 'Converse' } });
    const since = mark(gw.emulator);
    const abort = new AbortController();
    const pending = gw.openai.chat.completions
      .create({ model: HAIKU, messages: [{ role: 'user', content: 'slow' }] }, { signal: abort.signal })
      .catch((e: unknown) => e);
    await arrived(gw.emulator, (e) => e.seq > since && e.operation === 'Converse');
    abort.abort();
    expect(await pending).toBeInstanceOf(Error);
    const entry = await gw.emulator.waitForRequest(
      (e) => e.seq > since && e.operation === 'Converse' && e.outcome !== 'pending',
    );
    expect(entry.outcome).toBe('aborted');
  });
});
