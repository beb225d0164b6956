import OpenAI from 'openai';
import { CapturingLogger } from '../support/capturing-logger';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';
import { CHAT_MODEL } from '../support/routes-under-test';

/**
 * Paths operators rely on but that no test walked before: failed-auth throttling, key rotation from Secrets
 * Manager / SSM without a restart (and a first load that fails, then recovers), UPSTREAM_TIMEOUT_MS firing,
 * and SHUTDOWN_GRACE_MS running out with a stream still open.
 */
const hi = { model: CHAT_MODEL, messages: [{ role: 'user' as const, content: 'hi' }] };
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:gateway-key-AbCdEf';
const PARAM = '/gateway/api-key';

const status = (gw: TestGateway, key: string, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(hi),
  });

async function eventually(check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('failed authentication is throttled per source address', () => {
  it('answers 429 in the envelope after AUTH_FAILURE_LIMIT failures, right key included, logging no key', async () => {
    const logger = new CapturingLogger();
    const gw = await startTestGateway(
      { AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW_MS: '60000', TRUST_PROXY: 'true' },
      {},
      { logger },
    );
    try {
      const attacker = { 'x-forwarded-for': '203.0.113.7' };
      const guesses = ['sk-guess-1', 'sk-guess-2', 'not bearer at all'];
      for (const guess of guesses.slice(0, 2)) expect((await status(gw, guess, attacker)).status).toBe(401);
      const malformed = await fetch(`${gw.url}/v1/models`, {
        headers: { authorization: guesses[2], ...attacker },
      });
      expect(malformed.status).toBe(401);
      for (const key of ['sk-guess-4', TEST_KEY]) {
        const res = await status(gw, key, attacker);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50);
        expect(await res.json()).toMatchObject({
          error: { type: 'rate_limit_error', code: 'too_many_auth_failures', param: null },
        });
      }
      // Another address is not held back, and the official client sees a RateLimitError.
      expect((await status(gw, TEST_KEY, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
      const client = new OpenAI({
        apiKey: TEST_KEY,
        baseURL: `${gw.url}/v1`,
        maxRetries: 0,
        defaultHeaders: attacker,
      });
      await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.RateLimitError);

      const lines = logger.in('Auth');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({
        msg: 'authentication failed',
        reason: 'unknown API key',
        source: '203.0.113.7',
      });
      expect(lines[2]).toMatchObject({
        msg: 'authentication failed; source throttled',
        throttledForS: expect.any(Number),
      });
      const logged = JSON.stringify(logger.entries);
      for (const secret of [...guesses, TEST_KEY]) expect(logged).not.toContain(secret);
    } finally {
      await gw.close();
    }
  });
});

describe('keys from Secrets Manager and SSM are re-read without a restart', () => {
  it.each([
    [
      'Secrets Manager',
      { API_KEY: '', API_KEY_SECRET_ARN: SECRET_ARN },
      (gw: TestGateway, key: string) => gw.emulator.setSecret(SECRET_ARN, JSON.stringify({ api_key: key })),
    ],
    [
      'SSM',
      { API_KEY: '', API_KEY_PARAM_NAME: PARAM },
      (gw: TestGateway, key: string) => gw.emulator.setParameter(PARAM, { value: key, type: 'SecureString' }),
    ],
  ])('%s: a first load that fails recovers, and a rotated key takes over', async (_name, env, store) => {
    const gw = await startTestGateway({ ...env, API_KEY_REFRESH_MS: '500' });
    try {
      // Nothing stored yet: not ready, 503 (not 401), and it keeps trying.
      expect((await status(gw, 'sk-first')).status).toBe(503);
      store(gw, 'sk-first');
      await eventually(async () => (await status(gw, 'sk-first')).status === 200);
      expect((await fetch(`${gw.url}/ready`)).status).toBe(200);

      store(gw, 'sk-rotated');
      await eventually(async () => (await status(gw, 'sk-rotated')).status === 200);
      expect((await status(gw, 'sk-first')).status).toBe(401);
    } finally {
      await gw.close();
    }
  });
});

describe('UPSTREAM_TIMEOUT_MS', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      UPSTREAM_TIMEOUT_MS: '700',
      BEDROCK_MAX_ATTEMPTS: '1',
      // The request deadline defaults to UPSTREAM_TIMEOUT_MS counted from arrival, so it would fire a hair
      // first; set it wide so this test sees the per-call timeout itself.
      REQUEST_DEADLINE_MS: '60000',
    });
  });
  afterAll(() => gw.close());

  it('ends a call Bedrock takes too long to answer with a 504', async () => {
    gw.emulator.faults.add({ kind: 'latency', ms: 3_000 });
    const started = Date.now();
    const res = await status(gw, TEST_KEY);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({
      error: { code: 'upstream_timeout', message: 'Bedrock did not finish within 700 ms.' },
    });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('ends a stream that outlives it with an error frame', async () => {
    gw.emulator.faults.add({ kind: 'stall', afterEvents: 2, match: { operation: 'ConverseStream' } });
    const res = await postSse(gw.url, { ...hi, stream: true });
    expect(res.status).toBe(200);
    expect(res.frames).not.toContain('[DONE]');
    expect(res.json.at(-1)).toMatchObject({ error: { code: 'upstream_timeout' } });
  });
});

describe('SHUTDOWN_GRACE_MS', () => {
  it('closes a stream still open when the grace period runs out, and says so', async () => {
    const logger = new CapturingLogger();
    const gw = await startTestGateway(
      { SHUTDOWN_GRACE_MS: '400', STREAM_IDLE_TIMEOUT_MS: '60000', SSE_KEEPALIVE_MS: '100' },
      {},
      { logger },
    );
    gw.emulator.faults.add({ kind: 'stall', afterEvents: 2, match: { operation: 'ConverseStream' } });
    let took: number;
    let res: unknown;
    try {
      const stream = postSse(gw.url, { ...hi, stream: true }).then(
        (r) => r,
        (e: unknown) => e,
      );
      // The stalled stream never finishes, so the request log is polled for its start.
      await eventually(async () => gw.emulator.requests().some((e) => e.operation === 'ConverseStream'));
      const started = Date.now();
      await gw.app.close();
      took = Date.now() - started;
      res = await stream;
    } finally {
      await gw.emulator.close();
    }
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(3_000);
    // The client's stream was cut (no [DONE]): either the body ended short or the connection reset.
    if (!(res instanceof Error)) expect((res as { frames: string[] }).frames).not.toContain('[DONE]');
    expect(logger.entries.map((e) => String(e.message))).toContain(
      'requests still open after 400 ms; closing their connections',
    );
  });
});
