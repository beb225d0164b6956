import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { MessageHeaders } from '@smithy/types';
import { slices } from '../../../test/support/canned-bedrock';
import { useCannedPair } from '../../../test/support/transport-pair';
import type { BedrockClient } from '../bedrock-client';
import { TruncatedResponseError } from './truncated-response.error';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const text = (value: string) => ({ type: 'string' as const, value });

/** One event-stream frame; `p` padding added to events as Bedrock adds it (docs/bedrock-protocol.md §0.5). */
function frame(kind: 'event' | 'exception' | 'error', type: string, payload?: unknown): Buffer {
  const headers: MessageHeaders =
    kind === 'event'
      ? {
          ':event-type': text(type),
          ':content-type': text('application/json'),
          ':message-type': text('event'),
        }
      : kind === 'exception'
        ? {
            ':exception-type': text(type),
            ':content-type': text('application/json'),
            ':message-type': text('exception'),
          }
        : {
            ':error-code': text(type),
            ':error-message': text(String(payload)),
            ':message-type': text('error'),
          };
  const body =
    kind === 'error'
      ? ''
      : JSON.stringify(kind === 'event' ? { ...(payload as object), p: 'abcdefg' } : payload);
  return Buffer.from(codec.encode({ headers, body: fromUtf8(body) }));
}

const b64 = (...values: number[]) => Buffer.from(values).toString('base64');

const EVENTS = [
  frame('event', 'messageStart', { role: 'assistant' }),
  frame('event', 'contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'hmm' } } }),
  frame('event', 'contentBlockDelta', {
    contentBlockIndex: 0,
    delta: { reasoningContent: { redactedContent: b64(7, 8) } },
  }),
  frame('event', 'contentBlockStop', { contentBlockIndex: 0 }),
  frame('event', 'somethingNew', { x: 1 }),
  frame('event', 'contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Grüße' } }),
  frame('event', 'contentBlockStart', {
    contentBlockIndex: 2,
    start: { toolUse: { toolUseId: 't', name: 'f' } },
  }),
  frame('event', 'contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: '{"a":' } } }),
  frame('event', 'messageStop', { stopReason: 'end_turn', additionalModelResponseFields: { k: 'v' } }),
  frame('event', 'metadata', {
    usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 },
    metrics: { latencyMs: 4 },
  }),
];

const STREAM_HEADERS = { 'content-type': 'application/vnd.amazon.eventstream' };

interface Outcome {
  events: unknown[];
  error?: { class: string; name: string; message: string; fault: unknown };
  /** Where it failed: starting the call, or while iterating. */
  failedAt?: 'call' | 'iteration';
}

async function drain(start: () => Promise<AsyncIterable<unknown>>): Promise<Outcome> {
  const events: unknown[] = [];
  let phase: Outcome['failedAt'] = 'call';
  try {
    const stream = await start();
    phase = 'iteration';
    for await (const event of stream) events.push(event);
    return { events };
  } catch (err) {
    const e = err as Error & { $fault?: unknown };
    return {
      events,
      failedAt: phase,
      error: {
        class: Object.getPrototypeOf(e).constructor.name,
        name: e.name,
        message: e.message,
        fault: e.$fault,
      },
    };
  }
}

describe('lean transport event streams, compared with the stock SDK client on the same bytes', () => {
  const pair = useCannedPair();
  const signal = new AbortController().signal;
  const converseStream = (c: BedrockClient) => () => c.converseStream({ modelId: 'm', messages: [] }, signal);

  async function both(
    body: Buffer[],
    start: (c: BedrockClient) => () => Promise<AsyncIterable<unknown>> = converseStream,
  ): Promise<[Outcome, Outcome]> {
    pair.canned.respond({ headers: STREAM_HEADERS, body });
    return [await drain(start(pair.sdk)), await drain(start(pair.lean))];
  }

  it.each([
    ['one read', 1_000_000],
    ['7-byte reads', 7],
  ])(
    'decodes ConverseStream events in %s as the SDK does (padding dropped, unknown events skipped, blobs decoded)',
    async (_n, size) => {
      const [expected, actual] = await both(slices(Buffer.concat(EVENTS), size));
      expect(actual).toEqual(expected);
      expect(actual.events).toHaveLength(EVENTS.length - 1);
      expect(actual.events[2]).toEqual({
        contentBlockDelta: {
          contentBlockIndex: 0,
          delta: { reasoningContent: { redactedContent: Uint8Array.from([7, 8]) } },
        },
      });
    },
  );

  it('throws an in-stream exception after the events before it, as the same typed error', async () => {
    const [expected, actual] = await both([
      Buffer.concat([
        EVENTS[0],
        EVENTS[1],
        frame('exception', 'modelStreamErrorException', { message: 'went wrong', originalStatusCode: 500 }),
      ]),
    ]);
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({
      events: [{}, {}],
      failedAt: 'iteration',
      error: { name: 'ModelStreamErrorException' },
    });
  });

  it('rejects the call itself when the first frame is an exception', async () => {
    const [expected, actual] = await both([
      frame('exception', 'throttlingException', { message: 'Too many tokens' }),
    ]);
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({
      failedAt: 'call',
      error: { name: 'ThrottlingException', fault: 'client' },
    });
  });

  it.each([
    [
      'an exception type the operation does not model',
      frame('exception', 'accessDeniedException', { message: 'no' }),
    ],
    ['a capitalised exception type', frame('exception', 'ThrottlingException', { message: 'slow down' })],
    ['an unmodeled error frame', frame('error', 'InternalFailure', 'it broke')],
  ])('treats %s as the SDK does', async (_n, last) => {
    const [expected, actual] = await both([Buffer.concat([EVENTS[0], last])]);
    expect(actual).toEqual(expected);
    expect(actual.error).toBeDefined();
  });

  it('throws when the stream is cut inside a frame (the SDK over HTTP/2 would end quietly)', async () => {
    const whole = Buffer.concat(EVENTS.slice(0, 3));
    pair.canned.respond({ headers: STREAM_HEADERS, body: [whole.subarray(0, whole.length - 5)], cut: true });
    const outcome = await drain(converseStream(pair.lean));
    expect(outcome.events).toHaveLength(2);
    expect(outcome.error?.class).toBe(TruncatedResponseError.name);
  });

  it('ends the upstream request when the consumer stops reading', async () => {
    pair.canned.respond({ headers: STREAM_HEADERS, body: [EVENTS[0], ...Array(50).fill(EVENTS[5])] });
    const stream = await pair.lean.converseStream({ modelId: 'm', messages: [] }, signal);
    for await (const event of stream) {
      expect(event).toEqual({ messageStart: { role: 'assistant' } });
      break;
    }
    // A destroyed body frees its connection; the next call still works on the pool.
    pair.canned.respond({ headers: STREAM_HEADERS, body: [EVENTS[0]] });
    expect((await drain(converseStream(pair.lean))).events).toHaveLength(1);
  });

  it('delivers every event, in order, to a consumer far slower than the connection', async () => {
    const deltas = Array.from({ length: 3_000 }, (_, i) =>
      frame('event', 'contentBlockDelta', { contentBlockIndex: 0, delta: { text: String(i) } }),
    );
    pair.canned.respond({
      headers: STREAM_HEADERS,
      body: slices(Buffer.concat([EVENTS[0], ...deltas]), 64 * 1024),
    });
    const seen: string[] = [];
    for await (const event of await pair.lean.converseStream({ modelId: 'm', messages: [] }, signal)) {
      const text = event.contentBlockDelta?.delta?.text;
      if (text !== undefined) seen.push(text);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toEqual(deltas.map((_, i) => String(i)));
  });

  it('decodes InvokeModelWithResponseStream chunks to bytes, as the SDK does', async () => {
    const chunk = (json: object) =>
      frame('event', 'chunk', { bytes: Buffer.from(JSON.stringify(json)).toString('base64') });
    const body = [
      Buffer.concat([chunk({ type: 'message_start' }), chunk({ generation: 'Hi' })]),
      frame('exception', 'modelTimeoutException', { message: 'late' }),
    ];
    const start = (c: BedrockClient) => () =>
      c.invokeModelStream({ modelId: 'meta.llama3-8b-instruct-v1:0', body: '{}' }, signal);
    const [expected, actual] = await both(body, start);
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({
      events: [{ chunk: { bytes: expect.any(Uint8Array) } }, {}],
      error: { name: 'ModelTimeoutException' },
    });
  });
});
