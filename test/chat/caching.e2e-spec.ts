import type OpenAI from 'openai';
import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';

const SONNET_37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0'; // caches prefixes of 1,024 tokens or more
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0'; // no prompt caching
const LONG_SYSTEM = Array.from({ length: 1200 }, (_, i) => `rule${i}`).join(' ');

type Body = {
  system?: Record<string, unknown>[];
  messages: { role: string; content: Record<string, unknown>[] }[];
};
const cachePoints = (b: Body) =>
  [...(b.system ?? []), ...b.messages.flatMap((m) => m.content)].filter((x) => 'cachePoint' in x).length;

describe('ENABLE_PROMPT_CACHING', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ ENABLE_PROMPT_CACHING: 'true' });
  });
  afterAll(() => gw.close());

  const ask = (question: string) =>
    gw.openai.chat.completions.create({
      model: SONNET_37,
      messages: [
        { role: 'system', content: LONG_SYSTEM },
        { role: 'user', content: question },
      ],
    });

  it('puts cache points after the system prompt and the last user turn, and reports cache writes then reads', async () => {
    const since = mark(gw.emulator);
    const first = await ask('first question');
    const body = lastRuntimeBody<Body>(gw.emulator, since);
    expect(body.system).toEqual([{ text: LONG_SYSTEM }, { cachePoint: { type: 'default' } }]);
    expect(body.messages[0].content).toEqual([
      { text: 'first question' },
      { cachePoint: { type: 'default' } },
    ]);
    expect(first.usage?.prompt_tokens_details).toEqual({
      cached_tokens: 0,
      cache_write_tokens: expect.any(Number),
    });
    const details = first.usage!.prompt_tokens_details as { cache_write_tokens: number };
    expect(details.cache_write_tokens).toBeGreaterThanOrEqual(1200);

    const second = await ask('second question');
    expect(second.usage?.prompt_tokens_details?.cached_tokens).toBe(1200);
    // OpenAI counts cached tokens inside prompt_tokens.
    expect(second.usage!.prompt_tokens).toBeGreaterThan(1200);
  });

  it("reports cached tokens in a stream's usage chunk too", async () => {
    const res = await postSse(gw.url, {
      model: SONNET_37,
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: LONG_SYSTEM },
        { role: 'user', content: 'third question' },
      ],
    });
    expect(
      (res.json.at(-1) as { usage: { prompt_tokens_details: { cached_tokens: number } } }).usage
        .prompt_tokens_details.cached_tokens,
    ).toBe(1200);
  });

  it("lets a request turn caching off with Bedrock Access Gateway's extra_body.prompt_caching", async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: SONNET_37,
      messages: [
        { role: 'system', content: 'short' },
        { role: 'user', content: 'q' },
      ],
      ...({ extra_body: { prompt_caching: { system: false, messages: false } } } as object),
    });
    expect(cachePoints(lastRuntimeBody<Body>(gw.emulator, since))).toBe(0);
  });

  it('sends no cache points to a model without prompt caching, and the request succeeds', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU_3,
      messages: [
        { role: 'system', content: 'sys' },
        {
          role: 'user',
          content: [
            {
              type: 'text',
              text: 'q',
              cache_control: { type: 'ephemeral' },
            } as OpenAI.Chat.ChatCompletionContentPartText,
          ],
        },
      ],
    });
    expect(res.choices[0].message.content).toBe('You said: q');
    expect(cachePoints(lastRuntimeBody<Body>(gw.emulator, since))).toBe(0);
  });
});

describe('cache_control on content parts', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  const part = (text: string) =>
    ({
      type: 'text',
      text,
      cache_control: { type: 'ephemeral' },
    }) as OpenAI.Chat.ChatCompletionContentPartText;

  it('places a cache point right after each marked part, and keeps at most four (the latest)', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: SONNET_37,
      messages: [
        { role: 'system', content: [part('s1'), part('s2')] },
        { role: 'user', content: [part('u1'), part('u2')] },
        { role: 'assistant', content: 'a' },
        { role: 'user', content: [part('u3')] },
      ],
    });
    const body = lastRuntimeBody<Body>(gw.emulator, since);
    expect(cachePoints(body)).toBe(4);
    expect(body.system).toEqual([{ text: 's1' }, { text: 's2' }, { cachePoint: { type: 'default' } }]);
    expect(body.messages[0].content).toEqual([
      { text: 'u1' },
      { cachePoint: { type: 'default' } },
      { text: 'u2' },
      { cachePoint: { type: 'default' } },
    ]);
    expect(body.messages[2].content).toEqual([{ text: 'u3' }, { cachePoint: { type: 'default' } }]);
  });
});
