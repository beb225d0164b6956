import type { ApiKeyStore } from '../auth/api-key.store';
import type { RequestContext } from '../common/context/request-context';
import { ApiError } from '../common/errors/api-error';
import { loadConfig } from '../config/config.validate';
import { LimitsStats } from '../limits/limits.stats';
import { FallbackRunner } from './fallback-runner';

const throttled = () => new ApiError(429, 'slow down', { code: 'rate_limit_exceeded' });
const keys = {
  fallbackChains: { fallbacks: { a: ['b', 'c'] }, contextFallbacks: {} },
} as unknown as ApiKeyStore;

function setup(env: Record<string, string> = {}) {
  const config = loadConfig({
    API_KEY: 'k',
    MODEL_FALLBACKS: 'a=x,z=y',
    REQUEST_DEADLINE_MS: '1000',
    ...env,
  });
  const stats = new LimitsStats();
  return { runner: new FallbackRunner(config, keys, stats), stats };
}

const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({
  requestId: 'r',
  keyName: 'k',
  signal: new AbortController().signal,
  startedAt: performance.now(),
  ...over,
});

describe('FallbackRunner', () => {
  it("prefers the policy's chain over MODEL_FALLBACKS and records who served", async () => {
    const { runner, stats } = setup();
    const c = ctx();
    const tried: string[] = [];
    const out = await runner.run('a', c, (m) => {
      tried.push(m);
      return m === 'c' ? Promise.resolve('ok') : Promise.reject(throttled());
    });
    expect(out).toBe('ok');
    expect(tried).toEqual(['a', 'b', 'c']);
    expect(c).toMatchObject({ servedModel: 'c', fallbacks: 2 });
    expect(stats.snapshot().fallbacks).toEqual({ 'a → c': 1 });
  });

  it('uses the environment chain for models the policy does not name', async () => {
    const { runner } = setup();
    const tried: string[] = [];
    await runner.run(
      'z',
      ctx(),
      (m) => (tried.push(m), m === 'y' ? Promise.resolve(1) : Promise.reject(throttled())),
    );
    expect(tried).toEqual(['z', 'y']);
  });

  it('gives each attempt only the time left, and tries no fallback once the deadline passed', async () => {
    const { runner, stats } = setup();
    // The client said it waits 0.2 s (x-stainless-timeout), less than REQUEST_DEADLINE_MS.
    const c = ctx({ clientDeadline: performance.now() + 200 });
    const budgets: number[] = [];
    const attempt = async (_model: string, timeoutMs: number) => {
      budgets.push(timeoutMs);
      await new Promise((r) => setTimeout(r, 250));
      throw throttled();
    };
    await expect(runner.run('a', c, attempt)).rejects.toMatchObject({ status: 429 });
    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toBeLessThanOrEqual(200);
    expect(stats.chainsExhausted).toBe(0);
  });

  it('stops at once on an error no other model would fix, or when the client left', async () => {
    const { runner } = setup();
    const tried: string[] = [];
    const invalid = new ApiError(400, 'bad');
    await expect(runner.run('a', ctx(), (m) => (tried.push(m), Promise.reject(invalid)))).rejects.toBe(
      invalid,
    );
    expect(tried).toEqual(['a']);
    const gone = new AbortController();
    gone.abort();
    await expect(
      runner.run('a', ctx({ signal: gone.signal }), () => Promise.reject(throttled())),
    ).rejects.toMatchObject({
      status: 429,
    });
  });

  it('skips fallbacks outside the key allow-list', async () => {
    const { runner } = setup();
    const tried: string[] = [];
    await expect(
      runner.run(
        'a',
        ctx({ allowedModels: ['a', 'c'] }),
        (m) => (tried.push(m), Promise.reject(throttled())),
      ),
    ).rejects.toMatchObject({ status: 429 });
    expect(tried).toEqual(['a', 'c']);
  });
});
