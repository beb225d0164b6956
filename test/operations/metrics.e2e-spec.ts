import { randomUUID } from 'node:crypto';
import { UsageRecorder } from '../../src/usage/usage.recorder';
import { freePort } from '../support/free-port';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import {
  labelValues,
  MetricFamily,
  parsePrometheusText,
  samplesOf,
  sumOf,
  valueOf,
} from '../support/prometheus-text';
import { postSse } from '../support/sse';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const TITAN = 'amazon.titan-embed-text-v2:0';
const TEAM_KEY = 'sk-team-blue-key';
let gw: TestGateway;
let metricsUrl: string;

async function scrape(): Promise<Map<string, MetricFamily>> {
  const res = await fetch(metricsUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

beforeAll(async () => {
  const port = await freePort();
  gw = await startTestGateway({
    METRICS_PORT: String(port),
    METRICS_HOST: '127.0.0.1',
    API_KEYS: `blue=${TEAM_KEY}`,
    DEFAULT_MODEL: HAIKU,
    MODEL_ALIASES: `gpt-4o=${HAIKU}`,
    // One retry: a throttled call is tried twice, then reported.
    BEDROCK_MAX_ATTEMPTS: '2',
  });
  metricsUrl = `http://127.0.0.1:${port}/metrics`;
});
afterAll(() => gw.close());

describe('/metrics', () => {
  it('is served on its own port without a key, and never on the public listener', async () => {
    const families = await scrape();
    expect(families.get('process_cpu_seconds_total')?.type).toBe('counter');
    expect(families.get('nodejs_eventloop_lag_seconds')?.type).toBe('gauge');
    expect((await fetch(`${gw.url}/metrics`)).status).toBe(404);
    expect(
      (await fetch(`${gw.url}/v1/metrics`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).status,
    ).toBe(404);
  });

  it('counts a scripted mix of JSON, stream, embeddings, failing and throttled requests exactly', async () => {
    const before = await scrape();
    const blue = gw.clientFor('/v1', TEAM_KEY);
    let input = 0;
    let output = 0;

    // 3 JSON completions by key "default" through the alias, 1 by key "blue" with the model id.
    for (let i = 0; i < 3; i++) {
      const r = await gw.openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: `json ${i}` }],
      });
      input += r.usage!.prompt_tokens;
      output += r.usage!.completion_tokens;
    }
    const fromBlue = await blue.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'hi' }],
    });
    // 2 streams (usage chunk asked for, to know the sums).
    for (let i = 0; i < 2; i++) {
      const s = await postSse(gw.url, {
        model: 'gpt-4o',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: `stream ${i} of words` }],
      });
      expect(s.frames.at(-1)).toBe('[DONE]');
      const usage = s.json.at(-1)!.usage as { prompt_tokens: number; completion_tokens: number };
      input += usage.prompt_tokens;
      output += usage.completion_tokens;
    }
    // 1 embeddings request.
    const emb = await gw.openai.embeddings.create({ model: TITAN, input: 'embed me' });
    // Failing: a validation error, a missing key, an unknown model (rejected before Bedrock).
    await gw.openai.chat.completions
      .create({ model: HAIKU, messages: [{ role: 'user', content: 'x' }], temperature: 3 })
      .catch(() => undefined);
    expect((await fetch(`${gw.url}/v1/chat/completions`, { method: 'POST' })).status).toBe(401);
    // Throttled on both attempts: a 429 for the client, one retry, one ThrottlingException.
    gw.emulator.faults.add({
      kind: 'error',
      errorType: 'ThrottlingException',
      match: { operation: 'Converse' },
      times: 2,
    });
    const throttled = await gw.openai.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'slow down' }] })
      .catch((e: { status: number }) => e);
    expect((throttled as { status: number }).status).toBe(429);
    // A stream that breaks after it started: 200, an in-band error, a ModelStreamErrorException.
    gw.emulator.faults.add({ kind: 'stream-error', afterEvents: 2, match: { operation: 'ConverseStream' } });
    await postSse(gw.url, { model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'breaks' }] });

    const after = await scrape();
    const delta = (name: string, match: Record<string, string>) =>
      sumOf(after, name, match) - sumOf(before, name, match);
    const chat = { route: '/v1/chat/completions', dialect: 'openai' };

    expect(
      delta('bedrock_gateway_requests_total', {
        ...chat,
        status_class: '2xx',
        model: 'gpt-4o',
        key: 'default',
      }),
    ).toBe(
      6, // 3 JSON + 2 streams + the stream that broke after its head
    );
    expect(
      delta('bedrock_gateway_requests_total', { ...chat, status_class: '2xx', model: HAIKU, key: 'blue' }),
    ).toBe(1);
    expect(
      delta('bedrock_gateway_requests_total', { ...chat, status_class: '4xx', model: HAIKU, key: 'default' }),
    ).toBe(1);
    expect(
      delta('bedrock_gateway_requests_total', { ...chat, status_class: '4xx', model: 'none', key: 'none' }),
    ).toBe(1);
    expect(
      delta('bedrock_gateway_requests_total', {
        ...chat,
        status_class: '4xx',
        model: 'gpt-4o',
        key: 'default',
      }),
    ).toBe(1);
    expect(
      delta('bedrock_gateway_requests_total', { route: '/v1/embeddings', status_class: '2xx', model: TITAN }),
    ).toBe(1);
    expect(delta('bedrock_gateway_request_duration_seconds_count', { ...chat, status_class: '2xx' })).toBe(7);
    expect(
      delta('bedrock_gateway_rejected_requests_total', { route: chat.route, reason: 'validation' }),
    ).toBe(1);
    expect(delta('bedrock_gateway_rejected_requests_total', { route: chat.route, reason: 'auth' })).toBe(1);
    // The overhead histogram counts every request that called Bedrock: 8 chat (incl. throttled) + 1 embeddings.
    expect(delta('bedrock_gateway_overhead_seconds_count', {})).toBe(9);

    // Tokens, exactly, by key and model.
    const tokens = (key: string, model: string, type: string) =>
      delta('bedrock_gateway_tokens_total', { key, model, token_type: type });
    // The broken stream never reached its metadata event: it adds no tokens.
    expect(tokens('default', 'gpt-4o', 'input')).toBe(input);
    expect(tokens('default', 'gpt-4o', 'output')).toBe(output);
    expect(tokens('blue', HAIKU, 'input')).toBe(fromBlue.usage!.prompt_tokens);
    expect(tokens('blue', HAIKU, 'output')).toBe(fromBlue.usage!.completion_tokens);
    expect(tokens('default', TITAN, 'input')).toBe(emb.usage.prompt_tokens);
    expect(
      delta('gen_ai_client_token_usage_sum', {
        gen_ai_operation_name: 'embeddings',
        gen_ai_token_type: 'input',
      }),
    ).toBe(emb.usage.prompt_tokens);
    expect(
      delta('gen_ai_client_token_usage_count', {
        gen_ai_operation_name: 'chat',
        gen_ai_provider_name: 'aws.bedrock',
        gen_ai_request_model: 'gpt-4o',
        gen_ai_token_type: 'input',
      }),
    ).toBe(6);

    // Bedrock calls by operation and outcome; the exception and the retry.
    const calls = (operation: string, outcome: string) =>
      delta('bedrock_gateway_bedrock_calls_total', { operation, outcome });
    expect(calls('Converse', 'success')).toBe(4);
    expect(calls('Converse', 'throttled')).toBe(1);
    expect(calls('ConverseStream', 'success')).toBe(2);
    expect(calls('ConverseStream', 'client_error')).toBe(1);
    expect(calls('InvokeModel', 'success')).toBe(1);
    expect(delta('bedrock_gateway_bedrock_retries_total', { operation: 'Converse' })).toBe(1);
    expect(
      delta('bedrock_gateway_bedrock_exceptions_total', {
        operation: 'Converse',
        exception: 'ThrottlingException',
      }),
    ).toBe(1);
    expect(
      delta('bedrock_gateway_bedrock_exceptions_total', {
        operation: 'ConverseStream',
        exception: 'ModelStreamErrorException',
      }),
    ).toBe(1);
    expect(
      delta('gen_ai_client_operation_duration_seconds_count', {
        gen_ai_operation_name: 'chat',
        gen_ai_provider_name: 'aws.bedrock',
        gen_ai_request_model: HAIKU,
        error_type: '',
      }),
    ).toBe(6);

    // Streams: time to first token for all three, time per output token for the two that succeeded.
    const stream = {
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: 'aws.bedrock',
      gen_ai_request_model: 'gpt-4o',
    };
    expect(delta('gen_ai_server_time_to_first_token_seconds_count', stream)).toBe(3);
    expect(delta('gen_ai_server_time_per_output_token_seconds_count', stream)).toBe(2);
    expect(valueOf(after, 'bedrock_gateway_open_streams')).toBe(0);

    // The catalog's age and size; no key-source failure (keys from the environment).
    expect(valueOf(after, 'bedrock_gateway_model_catalog_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(valueOf(after, 'bedrock_gateway_model_catalog_models')).toBeGreaterThan(0);
    expect(valueOf(after, 'bedrock_gateway_key_source_refresh_failures_total', { source: 'env' })).toBe(0);

    // Every label set is one the gateway chose: no label outside these names.
    expect(
      after
        .get('bedrock_gateway_requests_total')!
        .samples.every((s) => Object.keys(s.labels).sort().join() === 'dialect,key,model,route,status_class'),
    ).toBe(true);
  });

  it('counts a client that walked away from a stream, and closes its stream gauge', async () => {
    const before = await scrape();
    gw.emulator.config.chunkDelayMs = 50;
    try {
      const controller = new AbortController();
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: HAIKU,
          stream: true,
          messages: [{ role: 'user', content: 'a b c d e f g' }],
        }),
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      await reader.read();
      controller.abort();
      let after = await scrape();
      for (
        let i = 0;
        i < 50 &&
        sumOf(after, 'bedrock_gateway_client_disconnects_total') ===
          sumOf(before, 'bedrock_gateway_client_disconnects_total');
        i++
      ) {
        await new Promise((r) => setTimeout(r, 20));
        after = await scrape();
      }
      expect(
        sumOf(after, 'bedrock_gateway_client_disconnects_total', { route: '/v1/chat/completions' }) -
          sumOf(before, 'bedrock_gateway_client_disconnects_total', { route: '/v1/chat/completions' }),
      ).toBe(1);
      expect(valueOf(after, 'bedrock_gateway_open_streams')).toBe(0);
      expect(
        sumOf(after, 'bedrock_gateway_bedrock_calls_total', {
          operation: 'ConverseStream',
          outcome: 'aborted',
        }) -
          sumOf(before, 'bedrock_gateway_bedrock_calls_total', {
            operation: 'ConverseStream',
            outcome: 'aborted',
          }),
      ).toBe(1);
    } finally {
      gw.emulator.config.chunkDelayMs = 0;
    }
  });

  it('1,000 requests with invented model names add no label value and no usage-total entry', async () => {
    const recorder = gw.app.get(UsageRecorder);
    // One of each kind first, so the bounded label ("other") exists before the count starts.
    const send = (model: string) =>
      gw.openai.chat.completions
        .create({ model, messages: [{ role: 'user', content: 'x' }] })
        .catch(() => undefined);
    await send(`gpt-invented-${randomUUID()}`);
    await send(`invented-${randomUUID()}`);
    const before = await scrape();
    const totalsBefore = recorder.snapshot().length;
    const names = Array.from({ length: 1000 }, (_, i) =>
      // A quarter are OpenAI-looking names the gateway answers with its default model; the rest are refused (404).
      i % 4 === 0 ? `gpt-${randomUUID()}` : `${randomUUID()}.model-${i}`,
    );
    for (let i = 0; i < names.length; i += 50) await Promise.all(names.slice(i, i + 50).map(send));
    const after = await scrape();

    for (const [family, label] of [
      ['bedrock_gateway_requests_total', 'model'],
      ['bedrock_gateway_tokens_total', 'model'],
      ['gen_ai_client_token_usage', 'gen_ai_request_model'],
      ['gen_ai_client_operation_duration_seconds', 'gen_ai_request_model'],
    ] as const) {
      expect([...labelValues(after, family, label)].sort()).toEqual(
        [...labelValues(before, family, label)].sort(),
      );
    }
    expect(after.get('bedrock_gateway_requests_total')!.samples.length).toBe(
      before.get('bedrock_gateway_requests_total')!.samples.length,
    );
    expect(recorder.snapshot()).toHaveLength(totalsBefore);
    expect(
      sumOf(after, 'bedrock_gateway_requests_total', { model: 'other' }) -
        sumOf(before, 'bedrock_gateway_requests_total', { model: 'other' }),
    ).toBe(1000);
    expect(recorder.snapshot().find((t) => t.model === 'other')!.requests).toBeGreaterThanOrEqual(251);
    expect(
      samplesOf(after, 'bedrock_gateway_requests_total').some(
        (s) => s.labels.model.startsWith('gpt-') && s.labels.model !== 'gpt-4o',
      ),
    ).toBe(false);
    // A thousand requests through the whole stack: seconds on an idle CI machine, more on a shared one.
  }, 120_000);
});
