import OpenAI from 'openai';
import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { RunningRedis, startRedis } from '../support/redis-server';

type ConverseBody = { messages: { role: string; content: Record<string, unknown>[] }[] };

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

/** Two replicas of the gateway behind one Redis (REDIS_URL) and one sealing key, as a deployment runs them. */
let redis: RunningRedis;
let a: TestGateway;
let b: TestGateway;
beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, RESPONSES_ENCRYPTION_KEY: 'shared-replica-key-of-at-least-32-chars' };
  a = await startTestGateway(env);
  b = await startTestGateway(env);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

describe('stored responses in Redis, shared by replicas', () => {
  it('a response created on one replica is read, continued and deleted on the other', async () => {
    const first = await a.openai.responses.create({
      model: SONNET_45,
      reasoning: { effort: 'low' },
      input: 'my name is Ada',
    });

    const got = await b.openai.responses.retrieve(first.id);
    expect(got.output_text).toBe(first.output_text);

    const since = mark(b.emulator);
    const second = await b.openai.responses.create({
      model: SONNET_45,
      reasoning: { effort: 'low' },
      previous_response_id: first.id,
      input: 'what is my name',
    });
    // Replica B restored the thinking replica A sealed (same key), signature and all.
    const body = lastRuntimeBody<ConverseBody>(b.emulator, since);
    expect(body.messages[1].content[0]).toEqual({
      reasoningContent: {
        reasoningText: {
          text: expect.stringMatching(/^Thinking about the request/),
          signature: expect.any(String),
        },
      },
    });
    expect(second.status).toBe('completed');

    await b.openai.responses.delete(first.id);
    await expect(a.openai.responses.retrieve(first.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('answers 503 in OpenAI envelope while Redis is down, and works again once it is back', async () => {
    const created = await a.openai.responses.create({ model: SONNET_45, input: 'before the outage' });
    await redis.kill();
    const err = (await a.openai.responses.retrieve(created.id).catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(err.status).toBe(503);
    expect(err.error).toMatchObject({ code: 'store_unavailable' });
    await redis.restart();
    // A fresh, unpersisted Redis: the old response is gone, new ones are stored again.
    const after = await a.openai.responses.create({ model: SONNET_45, input: 'after the outage' });
    expect((await b.openai.responses.retrieve(after.id)).output_text).toBe('You said: after the outage');
  });
});
