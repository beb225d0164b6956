import OpenAI, { APIError } from 'openai';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { startRedis, RunningRedis } from '../support/redis-server';
import { writePolicyFile } from './policy-file';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ask = (maxTokens = 40, content = 'hi') => ({
  model: MODEL,
  max_tokens: maxTokens,
  messages: [{ role: 'user' as const, content }],
});
/** Twenty words in, about twenty echoed back: ~40 tokens a request on the emulator. */
const WORDY = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');

const policy = writePolicyFile(`
keys:
  - { name: rpm-team, key: sk-rpm, rpm: 10 }
  - { name: tpm-team, key: sk-tpm, tpm: 1000 }
  - { name: budget-team, key: sk-budget, budget: { tokens: 120, period: day } }
  - { name: steady-team, key: sk-steady, rpm: 1000, tpm: 100000 }
  - { name: unlimited-team, key: sk-free }
`);

let redis: RunningRedis;
/** Two replicas sharing one Redis: `open` fails open (the default), `closed` fails closed. */
let open: TestGateway;
let closed: TestGateway;

beforeAll(async () => {
  redis = await startRedis();
  const env = { API_KEY: '', API_KEYS_FILE: policy.path, REDIS_URL: redis.url };
  open = await startTestGateway(env);
  closed = await startTestGateway({ ...env, RATE_LIMIT_FAIL_MODE: 'closed' });
  // Each replica's limiter connects to Redis in the background; wait until both count there (a limited key
  // answered with its headers), so the bursts below meet connected replicas, as a deployment that has been up
  // for a moment does. The steady key's limits are far above what these few requests use.
  for (const gw of [open, closed]) {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const o = await send(gw.clientFor('/v1', 'sk-steady'));
      if (o.status === 200 && o.headers.get('x-ratelimit-limit-requests')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
afterAll(async () => {
  await Promise.all([open?.close(), closed?.close()]);
  await redis?.stop();
  policy.remove();
});

type Outcome = { status: number; headers: Headers; code?: string | null; tokens?: number; prompt?: number };

/** Sends one chat request, returning the status, headers and usage instead of throwing. */
async function send(client: OpenAI, body = ask()): Promise<Outcome> {
  try {
    const { data, response } = await client.chat.completions.create(body).withResponse();
    return {
      status: response.status,
      headers: response.headers,
      tokens: data.usage!.total_tokens,
      prompt: data.usage!.prompt_tokens,
    };
  } catch (e) {
    if (!(e instanceof APIError)) throw e;
    return { status: e.status ?? 0, headers: e.headers ?? new Headers(), code: e.code };
  }
}

/** `n` requests at once, alternating between the two replicas. */
const burst = (key: string, n: number, body = ask()) =>
  Promise.all(Array.from({ length: n }, (_, i) => send((i % 2 ? closed : open).clientFor('/v1', key), body)));

describe('per-key limits shared by two replicas through Redis', () => {
  it('holds a key to its requests per minute across both replicas, with OpenAI headers', async () => {
    const outcomes = await burst('sk-rpm', 30);
    const ok = outcomes.filter((o) => o.status === 200);
    const limited = outcomes.filter((o) => o.status === 429);
    expect(ok).toHaveLength(10);
    expect(limited).toHaveLength(20);
    for (const o of limited) {
      expect(o.code).toBe('rate_limit_exceeded');
      // When the oldest admission leaves the 61 s window (sooner if the burst itself took a while).
      expect(Number(o.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(o.headers.get('retry-after'))).toBeLessThanOrEqual(61);
      expect(o.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    }
    const remaining = ok
      .map((o) => Number(o.headers.get('x-ratelimit-remaining-requests')))
      .sort((a, b) => a - b);
    expect(remaining).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ok[0].headers.get('x-ratelimit-limit-requests')).toBe('10');
    expect(ok[0].headers.get('x-ratelimit-reset-requests')).toMatch(/^1m[01]s$/);
    expect(ok[0].headers.get('x-ratelimit-limit-tokens')).toBeNull(); // no tpm on this key
  });

  it('holds a key to its tokens per minute: reservations stop the burst, real usage is what counts', async () => {
    // Each request reserves its max_tokens (100): at most 10 fit in 1000 at once.
    const outcomes = await burst('sk-tpm', 24, ask(100));
    const ok = outcomes.filter((o) => o.status === 200);
    const limited = outcomes.filter((o) => o.status === 429);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThan(0);
    for (const o of limited) expect(o.code).toBe('rate_limit_exceeded');
    // Documented slack: the prompt tokens of admitted requests (the reservation covers only the output).
    const used = ok.reduce((sum, o) => sum + o.tokens!, 0);
    const slack = ok.reduce((sum, o) => sum + o.prompt!, 0);
    expect(used).toBeLessThanOrEqual(1000 + slack);
    const last = ok.at(-1)!.headers;
    expect(last.get('x-ratelimit-limit-tokens')).toBe('1000');
    expect(Number(last.get('x-ratelimit-remaining-tokens'))).toBeLessThan(1000);
    expect(last.get('x-ratelimit-reset-tokens')).toMatch(/^\d+(ms|s)$|^\dm\d+s$/);
  });

  it('refuses a request larger than the key tokens per minute outright', async () => {
    const o = await send(open.clientFor('/v1', 'sk-tpm'), ask(2000));
    expect(o.status).toBe(429);
    expect(o.code).toBe('rate_limit_exceeded');
    expect(o.headers.get('retry-after')).toBeNull();
  });

  it('answers insufficient_quota once the daily budget is spent, on both replicas', async () => {
    const results: Outcome[] = [];
    for (let i = 0; i < 12 && results.at(-1)?.status !== 429; i++) {
      results.push(await send((i % 2 ? closed : open).clientFor('/v1', 'sk-budget'), ask(30, WORDY)));
    }
    const last = results.at(-1)!;
    expect(last.status).toBe(429);
    expect(last.code).toBe('insufficient_quota');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    const spent = results.filter((o) => o.status === 200).reduce((sum, o) => sum + o.tokens!, 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent + 30).toBeGreaterThan(120); // refused only when the next reservation no longer fits
    expect((await send(open.clientFor('/v1', 'sk-budget'), ask(30))).code).toBe('insufficient_quota');
  });

  it('leaves keys without limits alone: no headers, no counting', async () => {
    const o = await send(open.clientFor('/v1', 'sk-free'));
    expect(o.status).toBe(200);
    expect(o.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });

  it('survives Redis dying: fail-open admits, fail-closed answers 503; limits return with Redis', async () => {
    const steady = (gw: TestGateway) => send(gw.clientFor('/v1', 'sk-steady'));
    expect((await steady(open)).headers.get('x-ratelimit-limit-requests')).toBe('1000');
    await redis.kill();
    const during = [await steady(open), await steady(closed)];
    expect(during[0].status).toBe(200);
    expect(during[0].headers.get('x-ratelimit-limit-requests')).toBeNull(); // unchecked
    expect(during[1].status).toBe(503);
    expect(during[1].code).toBe('rate_limiter_unavailable');
    await redis.restart();
    // ioredis reconnects in the background (backoff up to 2 s); both replicas count again once it has.
    const deadline = Date.now() + 10_000;
    let back: Outcome[] = [];
    while (Date.now() < deadline) {
      back = [await steady(open), await steady(closed)];
      if (back.every((o) => o.status === 200 && o.headers.get('x-ratelimit-limit-requests'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(back.map((o) => o.status)).toEqual([200, 200]);
    expect(back[1].headers.get('x-ratelimit-remaining-requests')).not.toBeNull();
  });
});
