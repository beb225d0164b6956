import OpenAI from 'openai';
import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { expectErrorBody, expectSchema } from '../support/openai-schema';

type ConverseBody = {
  system?: { text: string }[];
  messages: { role: string; content: Record<string, unknown>[] }[];
};

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

let gw: TestGateway;
let other: OpenAI;
beforeAll(async () => {
  gw = await startTestGateway({ API_KEYS: 'team-b=sk-team-b-key' });
  other = gw.clientFor('/v1', 'sk-team-b-key');
});
afterAll(() => gw.close());

describe('stored responses (store: true, the default)', () => {
  it('continues a conversation with previous_response_id, without the old instructions', async () => {
    const first = await gw.openai.responses.create({
      model: HAIKU,
      instructions: 'Old rules.',
      input: 'my name is Ada',
    });
    expect((first as { store?: boolean }).store).toBe(true);
    const since = mark(gw.emulator);
    const second = await gw.openai.responses.create({
      model: HAIKU,
      previous_response_id: first.id,
      instructions: 'New rules.',
      input: 'what is my name',
    });
    const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
    expect(body.system).toEqual([{ text: 'New rules.' }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'my name is Ada' }] },
      { role: 'assistant', content: [{ text: 'You said: my name is Ada' }] },
      { role: 'user', content: [{ text: 'what is my name' }] },
    ]);
    expect(second.previous_response_id).toBe(first.id);
  });

  it('streamed responses are stored before response.completed is sent', async () => {
    const stream = await gw.openai.responses.create({ model: HAIKU, input: 'remember me', stream: true });
    let id = '';
    for await (const event of stream) if (event.type === 'response.completed') id = event.response.id;
    const got = await gw.openai.responses.retrieve(id);
    expect(got.output_text).toBe('You said: remember me');
  });

  it('retrieves, lists input items and deletes; another key sees nothing', async () => {
    const created = await gw.openai.responses.create({
      model: HAIKU,
      input: [
        { role: 'user', content: 'first' },
        { role: 'user', content: 'second' },
      ],
    });
    const got = await gw.openai.responses.retrieve(created.id);
    expectSchema(got, 'Response');
    expect(got).toMatchObject({ id: created.id, status: 'completed', output_text: 'You said: first second' });

    const items = await gw.openai.responses.inputItems.list(created.id);
    const texts = (list: { data: unknown[] }) =>
      list.data.map((i) => (i as OpenAI.Responses.ResponseInputMessageItem).content);
    expect(texts(items)).toEqual([
      [{ type: 'input_text', text: 'second' }],
      [{ type: 'input_text', text: 'first' }],
    ]);
    const raw = await fetch(`${gw.url}/v1/responses/${created.id}/input_items?order=asc&limit=1`, {
      headers: { authorization: 'Bearer sk-test-gateway-key' },
    });
    const asc = expectSchema(
      (await raw.json()) as { data: unknown[]; has_more: boolean },
      'ResponseItemList',
    );
    expect(texts(asc)).toEqual([[{ type: 'input_text', text: 'first' }]]);
    expect(asc.has_more).toBe(true);

    for (const call of [
      () => other.responses.retrieve(created.id),
      () => other.responses.inputItems.list(created.id),
      () => other.responses.delete(created.id),
      () => other.responses.create({ model: HAIKU, previous_response_id: created.id, input: 'x' }),
    ]) {
      const err = (await call().catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
      expect(err).toBeInstanceOf(OpenAI.NotFoundError);
      expectErrorBody({ error: err.error });
    }

    await gw.openai.responses.delete(created.id);
    const gone = await gw.openai.responses.retrieve(created.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('keeps the sealed reasoning, shown on GET only with include=reasoning.encrypted_content', async () => {
    const created = await gw.openai.responses.create({
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      reasoning: { effort: 'low' },
      input: 'think first',
    });
    expect(created.output[0]).not.toHaveProperty('encrypted_content');
    const plain = await gw.openai.responses.retrieve(created.id);
    expect(plain.output[0]).not.toHaveProperty('encrypted_content');
    const revealed = await gw.openai.responses.retrieve(created.id, {
      include: ['reasoning.encrypted_content'],
    });
    expect(revealed.output[0]).toMatchObject({ type: 'reasoning', encrypted_content: expect.any(String) });
  });

  it('keeps nothing with store: false', async () => {
    const res = await gw.openai.responses.create({ model: HAIKU, input: 'forget me', store: false });
    await expect(gw.openai.responses.retrieve(res.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});
