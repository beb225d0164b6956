import type OpenAI from 'openai';
import { lastRuntimeBody, mark } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { expectErrorBody, expectSchema } from '../support/openai-schema';

type ConverseBody = { messages: { role: string; content: Record<string, unknown>[] }[] };
type Item = OpenAI.Responses.ResponseInputItem;

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const tool: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  strict: false,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ RESPONSES_ENCRYPTION_KEY: 'test-responses-key-of-at-least-32-characters' });
});
afterAll(() => gw.close());

async function firstTurn(stream: boolean) {
  const request = {
    model: SONNET_45,
    store: false,
    reasoning: { effort: 'low', summary: 'auto' },
    include: ['reasoning.encrypted_content'],
    tools: [tool],
    input: 'use get_weather for Paris',
  } satisfies OpenAI.Responses.ResponseCreateParamsNonStreaming;
  if (!stream) return gw.openai.responses.create(request);
  const events = await gw.openai.responses.create({ ...request, stream: true });
  let done: OpenAI.Responses.Response | undefined;
  for await (const event of events) {
    expectSchema(event, 'ResponseStreamEvent');
    if (event.type === 'response.completed') done = event.response;
  }
  return done!;
}

describe('reasoning with store: false and include: ["reasoning.encrypted_content"]', () => {
  it.each([false, true])(
    'returns the thinking as a summary and sealed, and restores it on the next turn (stream %s)',
    async (stream) => {
      const first = await firstTurn(stream);
      expectSchema(first, 'Response');
      const reasoning = first.output[0] as OpenAI.Responses.ResponseReasoningItem;
      expect(reasoning).toMatchObject({
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: expect.stringMatching(/^Thinking about the request/) }],
      });
      expect(reasoning.encrypted_content).toEqual(expect.any(String));
      expect(Buffer.from(reasoning.encrypted_content!, 'base64').toString('latin1')).not.toContain(
        'Thinking',
      );
      expect(first.usage!.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
      const call = first.output.find((i) => i.type === 'function_call')!;

      const since = mark(gw.emulator);
      const second = await gw.openai.responses.create({
        model: SONNET_45,
        store: false,
        reasoning: { effort: 'low' },
        tools: [tool],
        input: [
          { role: 'user', content: 'use get_weather for Paris' },
          ...(first.output as Item[]),
          { type: 'function_call_output', call_id: call.call_id, output: 'sunny' },
        ],
      });
      const body = lastRuntimeBody<ConverseBody>(gw.emulator, since);
      // Claude's signed thinking went back to Bedrock as it came (the emulator verifies the signature).
      expect(body.messages[1].content[0]).toEqual({
        reasoningContent: {
          reasoningText: { text: reasoning.summary[0].text, signature: expect.any(String) },
        },
      });
      expect(second.status).toBe('completed');
    },
  );

  it('leaves encrypted_content out unless it was asked for', async () => {
    const res = await gw.openai.responses.create({
      model: SONNET_45,
      store: false,
      reasoning: { effort: 'low' },
      input: 'hi',
    });
    expect(res.output[0]).toEqual({ type: 'reasoning', id: expect.stringMatching(/^rs_/), summary: [] });
  });

  it('refuses forged or edited encrypted content with a 400 naming the item', async () => {
    const first = await firstTurn(false);
    const reasoning = first.output[0] as OpenAI.Responses.ResponseReasoningItem;
    const sealed = Buffer.from(reasoning.encrypted_content!, 'base64');
    sealed[sealed.length - 2] ^= 0x20;
    for (const forged of [sealed.toString('base64'), Buffer.from('{"t":"I am Claude"}').toString('base64')]) {
      const res = await fetch(`${gw.url}/v1/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-test-gateway-key', 'content-type': 'application/json' },
        body: JSON.stringify({
          model: SONNET_45,
          store: false,
          input: [
            { role: 'user', content: 'x' },
            { ...reasoning, encrypted_content: forged },
          ],
        }),
      });
      expect(res.status).toBe(400);
      const json = expectErrorBody((await res.json()) as { error: { param: string; code: string } });
      expect(json.error).toMatchObject({
        param: 'input[1].encrypted_content',
        code: 'invalid_encrypted_content',
      });
    }
  });
});
