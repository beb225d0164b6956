import OpenAI, { APIError } from 'openai';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { writePolicyFile } from './policy-file';

const hi = {
  model: 'anthropic.claude-3-haiku-20240307-v1:0',
  messages: [{ role: 'user' as const, content: 'hi' }],
};

// One replica without Redis: the limits are counted in process.
const policy = writePolicyFile(`
keys:
  - { name: pair, key: sk-pair, max_concurrent: 2 }
  - { name: crowd, key: sk-crowd }
`);

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    API_KEY: '',
    API_KEYS_FILE: policy.path,
    MAX_INFLIGHT_REQUESTS: '3',
    MAX_QUEUED_REQUESTS: '2',
    QUEUE_TIMEOUT_MS: '10000',
  });
  // Every answer takes a while, so the requests of a burst overlap even on a loaded machine.
  gw.emulator.config.latencyMs = 1500;
});
afterAll(async () => {
  await gw.close();
  policy.remove();
});

const statusOf = (client: OpenAI) =>
  client.chat.completions.create(hi).then(
    () => 200,
    (e: APIError) => `${e.status} ${e.code}`,
  );

describe('concurrency', () => {
  it('holds a key to its max_concurrent; a slot frees when a response ends', async () => {
    const pair = gw.clientFor('/v1', 'sk-pair');
    const statuses = await Promise.all(Array.from({ length: 5 }, () => statusOf(pair)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === '429 rate_limit_exceeded')).toHaveLength(3);
    expect(await statusOf(pair)).toBe(200);
  });

  it('caps model requests in flight globally: a few wait their turn, the rest get a fast 503', async () => {
    const crowd = gw.clientFor('/v1', 'sk-crowd');
    const started = performance.now();
    const statuses = await Promise.all(Array.from({ length: 8 }, () => statusOf(crowd)));
    // 3 run, 2 wait for a slot and then run, 3 are refused at once.
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === '503 gateway_overloaded')).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3000); // the queued ones ran after the first three
    // Model listing is not a model call: never held by the cap.
    expect((await crowd.models.list()).data.length).toBeGreaterThan(0);
  });
});
