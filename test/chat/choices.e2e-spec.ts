import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { postSse } from '../support/sse';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('n > 1', () => {
  it('makes one Bedrock call per choice and sums their usage', async () => {
    const single = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [{ role: 'user', content: 'pick a word' }],
    });
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      n: 3,
      messages: [{ role: 'user', content: 'pick a word' }],
    });
    expect(runtimeRequests(gw.emulator, since)).toHaveLength(3);
    expect(res.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(res.choices.every((c) => c.message.content === single.choices[0].message.content)).toBe(true);
    expect(res.usage).toMatchObject({
      prompt_tokens: 3 * single.usage!.prompt_tokens,
      completion_tokens: 3 * single.usage!.completion_tokens,
      total_tokens: 3 * single.usage!.total_tokens,
    });
  });

  it('streams the choices interleaved, each with its index and finish, and one summed usage chunk', async () => {
    const res = await postSse(gw.url, {
      model: HAIKU,
      n: 2,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'two answers' }],
    });
    const chunks = res.json as {
      choices: { index: number; delta: { content?: string }; finish_reason: string | null }[];
      usage?: { completion_tokens: number };
    }[];
    for (const index of [0, 1]) {
      const mine = chunks.flatMap((c) => c.choices.filter((ch) => ch.index === index));
      expect(mine.map((ch) => ch.delta.content ?? '').join('')).toBe('You said: two answers');
      expect(mine.filter((ch) => ch.finish_reason).map((ch) => ch.finish_reason)).toEqual(['stop']);
    }
    expect(chunks.at(-1)!.usage!.completion_tokens).toBe(2 * 4);
    expect(res.frames.at(-1)).toBe('[DONE]');
  });

  it('refuses more than 8 choices', async () => {
    await expect(
      gw.openai.chat.completions.create({ model: HAIKU, n: 9, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({
      status: 400,
      error: { param: 'n' },
    });
  });
});
