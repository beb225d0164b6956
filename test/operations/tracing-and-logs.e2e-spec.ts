import { CapturingLogger } from '../support/capturing-logger';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { OtlpReceiver, ReceivedSpan } from '../support/otlp-receiver';
import { postSse } from '../support/sse';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
/** Words that must never leave the gateway in a span or a log line. */
const PROMPT = 'purple-elephant-secret-prompt';
const SERVER = 2;
const CLIENT = 3;

const receiver = new OtlpReceiver();
const logs = new CapturingLogger();
let gw: TestGateway;
const saved = { ...process.env };

beforeAll(async () => {
  const endpoint = await receiver.start();
  // The OpenTelemetry SDK reads its own variables from the process environment, as in a deployment.
  const otel = {
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '50',
    OTEL_SERVICE_NAME: 'gateway-under-test',
  };
  Object.assign(process.env, otel);
  gw = await startTestGateway(
    { ...otel, LOG_LEVEL: 'info', DEFAULT_MODEL: HAIKU, BEDROCK_MAX_ATTEMPTS: '1' },
    {},
    { logger: logs },
  );
});
afterAll(async () => {
  await gw.close();
  await receiver.close();
  process.env = saved;
});

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

function spansOf(traceId: string): { server: ReceivedSpan; clients: ReceivedSpan[] } {
  const spans = receiver.spans.filter((s) => s.traceId === traceId);
  const server = spans.find((s) => s.kind === SERVER)!;
  return { server, clients: spans.filter((s) => s.kind === CLIENT) };
}

describe('OpenTelemetry tracing', () => {
  it('continues the caller’s trace: a server span per request, a GenAI client span per Bedrock call under it', async () => {
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_KEY}`,
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`,
      },
      body: JSON.stringify({ model: HAIKU, max_tokens: 50, messages: [{ role: 'user', content: PROMPT }] }),
    });
    const body = (await res.json()) as { usage: { prompt_tokens: number; completion_tokens: number } };
    expect(res.status).toBe(200);
    await receiver.until(
      () => spansOf(TRACE_ID).server !== undefined && spansOf(TRACE_ID).clients.length === 1,
    );
    const { server, clients } = spansOf(TRACE_ID);
    expect(server).toMatchObject({
      parentSpanId: PARENT_ID,
      name: 'POST /v1/chat/completions',
      attributes: expect.objectContaining({
        'http.request.method': 'POST',
        'http.route': '/v1/chat/completions',
        'http.response.status_code': 200,
      }),
    });
    expect(clients[0]).toMatchObject({
      parentSpanId: server.spanId,
      name: `chat ${HAIKU}`,
      attributes: expect.objectContaining({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'aws.bedrock',
        'gen_ai.request.model': HAIKU,
        'gen_ai.request.max_tokens': 50,
        'gen_ai.usage.input_tokens': body.usage.prompt_tokens,
        'gen_ai.usage.output_tokens': body.usage.completion_tokens,
        'gen_ai.response.finish_reasons': ['end_turn'],
        'rpc.method': 'Converse',
      }),
    });
  });

  it('gives a stream’s client span its usage, and a throttled call its error type', async () => {
    const s = await postSse(gw.url, {
      model: HAIKU,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: `${PROMPT} streamed` }],
    });
    const usage = s.json.at(-1)!.usage as { prompt_tokens: number; completion_tokens: number };
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ThrottlingException',
      match: { operation: 'Converse' },
    });
    await gw.openai.chat.completions
      .create({ model: HAIKU, messages: [{ role: 'user', content: PROMPT }] })
      .catch(() => undefined);
    await receiver.until(
      (spans) =>
        spans.some((x) => x.attributes['rpc.method'] === 'ConverseStream') &&
        spans.some((x) => x.attributes['error.type'] === 'ThrottlingException' && x.kind === CLIENT) &&
        spans.some((x) => x.kind === SERVER && x.attributes['http.response.status_code'] === 429),
    );
    const stream = receiver.spans.find((x) => x.attributes['rpc.method'] === 'ConverseStream')!;
    expect(stream.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': usage.prompt_tokens,
      'gen_ai.usage.output_tokens': usage.completion_tokens,
    });
    const throttled = receiver.spans.find((x) => x.attributes['error.type'] === 'ThrottlingException')!;
    expect(throttled.status.code).toBe(2); // ERROR
    const server = receiver.spans.find((x) => x.spanId === throttled.parentSpanId)!;
    expect(server.attributes['http.response.status_code']).toBe(429);
  });

  it('never exports prompt or completion text (content capture is opt-in)', () => {
    const exported = receiver.bodies.join('\n');
    expect(exported).not.toContain(PROMPT);
    expect(exported).not.toContain('gen_ai.input.messages');
    expect(exported).not.toContain('gen_ai.output.messages');
    expect(exported).not.toContain(TEST_KEY);
  });
});

describe('request log', () => {
  it('writes one line per request with identities, models, status, durations and tokens; never a key, prompt or completion', async () => {
    logs.entries.splice(0);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: PROMPT }],
    });
    const completion = res.choices[0].message.content!;
    await new Promise((r) => setTimeout(r, 50));
    const lines = logs.in('Request');
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request',
        requestId: res._request_id ?? expect.any(String),
        key: 'default',
        dialect: 'openai',
        route: '/v1/chat/completions',
        model: HAIKU,
        modelId: HAIKU,
        status: 200,
        outcome: 'ok',
        promptTokens: res.usage!.prompt_tokens,
        completionTokens: res.usage!.completion_tokens,
        durationMs: expect.any(Number),
        bedrockMs: expect.any(Number),
        overheadMs: expect.any(Number),
      }),
    ]);
    const everything = JSON.stringify(logs.entries);
    expect(everything).not.toContain(PROMPT);
    expect(everything).not.toContain(completion);
    expect(everything).not.toContain(TEST_KEY);
  });

  it('sends x-request-id and openai-processing-ms (the gateway’s own time, Bedrock’s excluded)', async () => {
    gw.emulator.config.latencyMs = 300;
    try {
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_KEY}`,
          'content-type': 'application/json',
          'x-request-id': 'req-42',
        },
        body: JSON.stringify({ model: HAIKU, messages: [{ role: 'user', content: 'hi' }] }),
      });
      await res.arrayBuffer();
      expect(res.headers.get('x-request-id')).toBe('req-42');
      const processing = Number(res.headers.get('openai-processing-ms'));
      expect(Number.isInteger(processing)).toBe(true);
      expect(processing).toBeGreaterThanOrEqual(0);
      // Bedrock (the emulator) took 300 ms of the request; the header leaves that time out.
      expect(processing).toBeLessThan(300);
    } finally {
      gw.emulator.config.latencyMs = 0;
    }
  });
});
