import OpenAI from 'openai';
import { startTestGateway, TEST_KEY, TestGateway } from './support/gateway.harness';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const hi = { model: HAIKU, messages: [{ role: 'user' as const, content: 'hi' }] };
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:gateway-key-AbCdEf';

describe('API keys', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const status = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(hi),
    });

  it.each(['/v1/chat/completions', '/api/v1/chat/completions'])(
    "needs a key on %s, in OpenAI's words",
    async (path) => {
      const res = await status(path);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: {
          message:
            "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    },
  );

  it.each([
    ['a wrong key', `Bearer ${TEST_KEY}x`, 'Incorrect API key provided.'],
    ['a prefix of the key', `Bearer ${TEST_KEY.slice(0, -1)}`, 'Incorrect API key provided.'],
    [
      'another scheme',
      `Basic ${Buffer.from(`u:${TEST_KEY}`).toString('base64')}`,
      'The Authorization header must use Bearer auth: "Authorization: Bearer YOUR_KEY".',
    ],
  ])('refuses %s with 401 invalid_api_key', async (_name, authorization, message) => {
    const res = await status('/v1/chat/completions', { authorization });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { message, code: 'invalid_api_key' } });
  });

  it('makes the official client raise AuthenticationError for a wrong key', async () => {
    const err = await gw
      .clientFor('/v1', 'sk-wrong')
      .chat.completions.create(hi)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(gw.emulator.requests().filter((e) => e.operation === 'Converse')).toEqual([]);
  });

  it('leaves /health and /ready open for probes', async () => {
    expect(await (await fetch(`${gw.url}/health`)).json()).toEqual({ status: 'OK' });
    const ready = await fetch(`${gw.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { apiKeys: { ready: true, detail: { source: 'env', keys: 1 } } },
    });
  });

  it("echoes the caller's x-request-id, or makes one", async () => {
    const given = await fetch(`${gw.url}/health`, { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const made = await fetch(`${gw.url}/health`, { headers: { 'x-request-id': 'has spaces and <tags>' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS preflights for browser clients (ALLOWED_ORIGINS defaults to any, like Bedrock Access Gateway)', async () => {
    const res = await fetch(`${gw.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://chat.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');
  });
});

describe('one key per team', () => {
  it('accepts each key and accounts usage to its name', async () => {
    const gw = await startTestGateway({ API_KEY: '', API_KEYS: 'search=sk-search-1,ads=sk-ads-2' });
    try {
      await gw.clientFor('/v1', 'sk-search-1').chat.completions.create(hi);
      await gw.clientFor('/v1', 'sk-ads-2').chat.completions.create(hi);
      await gw.clientFor('/v1', 'sk-ads-2').chat.completions.create(hi);
      const { UsageRecorder } = await import('../src/usage/usage.recorder');
      const totals = gw.app.get(UsageRecorder).snapshot();
      expect(totals.map((t) => [t.key, t.model, t.requests]).sort()).toEqual([
        ['ads', HAIKU, 2],
        ['search', HAIKU, 1],
      ]);
    } finally {
      await gw.close();
    }
  });
});

describe("keys from AWS (through the emulator's Secrets Manager and SSM)", () => {
  it.each([
    [
      'a JSON secret {"api_key"}',
      { API_KEY: '', API_KEY_SECRET_ARN: SECRET_ARN },
      { secrets: { [SECRET_ARN]: JSON.stringify({ api_key: 'sk-from-secret' }) } },
      'sk-from-secret',
    ],
    [
      'a plain-string secret',
      { API_KEY: '', API_KEY_SECRET_ARN: SECRET_ARN },
      { secrets: { [SECRET_ARN]: 'sk-plain-secret' } },
      'sk-plain-secret',
    ],
    [
      'an SSM SecureString parameter',
      { API_KEY: '', API_KEY_PARAM_NAME: '/gateway/api-key' },
      { parameters: { '/gateway/api-key': { value: 'sk-from-ssm', type: 'SecureString' as const } } },
      'sk-from-ssm',
    ],
  ])('loads %s at boot', async (_name, env, emulatorOptions, key) => {
    const gw = await startTestGateway(env, emulatorOptions);
    try {
      const res = await gw.clientFor('/v1', key).chat.completions.create(hi);
      expect(res.choices[0].message.content).toBe('You said: hi');
      const err = await gw
        .clientFor('/v1', TEST_KEY)
        .chat.completions.create(hi)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
      const ready = (await (await fetch(`${gw.url}/ready`)).json()) as {
        checks: { apiKeys: { detail: { source: string } } };
      };
      expect(ready.checks.apiKeys.detail.source).toBe(
        'API_KEY_PARAM_NAME' in env ? 'ssm' : 'secrets-manager',
      );
    } finally {
      await gw.close();
    }
  });

  it('starts but is not ready, and answers 503 (not 401), while the secret cannot be read', async () => {
    const gw = await startTestGateway({ API_KEY: '', API_KEY_SECRET_ARN: SECRET_ARN });
    try {
      const ready = await fetch(`${gw.url}/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: { apiKeys: { detail: { error: string } } } };
      expect(body.checks.apiKeys).toMatchObject({
        ready: false,
        detail: { loaded: false, source: 'secrets-manager' },
      });
      expect(body.checks.apiKeys.detail.error).toContain('ResourceNotFoundException');
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer anything', 'content-type': 'application/json' },
        body: JSON.stringify(hi),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ error: { code: 'keys_not_loaded' } });
    } finally {
      await gw.close();
    }
  });
});
