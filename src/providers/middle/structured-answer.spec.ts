import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { compileSchema } from '../converse/structured-output/json-schema.compiler';
import type { StructuredOutputPlan } from '../converse/structured-output/structured-output.plan';
import { resolveStructuredAnswer, resolveStructuredStream } from './structured-answer';

const schema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
const plan = (via: StructuredOutputPlan['via'], strict = true): StructuredOutputPlan => ({
  via,
  strict,
  validate: compileSchema(schema, 'schema'),
  ...(via === 'tool' ? { toolName: 'json_response' } : {}),
});

async function run(events: ConverseStreamOutput[], p: StructuredOutputPlan) {
  async function* source() {
    yield* events;
  }
  const out: ConverseStreamOutput[] = [];
  for await (const e of resolveStructuredStream(source(), p)) out.push(e);
  return out;
}
const text = (out: ConverseStreamOutput[]) => out.map((e) => e.contentBlockDelta?.delta?.text ?? '').join('');

describe('resolveStructuredAnswer', () => {
  it("turns the response tool's input into the text answer and ends the turn", () => {
    const out = resolveStructuredAnswer(
      [{ text: 'Sure.' }, { toolUse: { toolUseId: 't', name: 'json_response', input: { n: 1 } } }],
      'tool_use',
      plan('tool'),
    );
    expect(out).toEqual({ content: [{ text: '{"n":1}' }], stopReason: 'end_turn' });
  });

  it("leaves a call of the client's own tool alone, minus the response tool", () => {
    const out = resolveStructuredAnswer(
      [{ toolUse: { toolUseId: 'a', name: 'weather', input: {} } }],
      'tool_use',
      plan('tool'),
    );
    expect(out.content).toEqual([{ toolUse: { toolUseId: 'a', name: 'weather', input: {} } }]);
  });

  it('takes an instruction answer out of its code fence, and refuses a strict mismatch with a 502', () => {
    expect(
      resolveStructuredAnswer([{ text: '```json\n{"n":2}\n```' }], 'end_turn', plan('instruction')).content,
    ).toEqual([{ text: '{"n":2}' }]);
    expect(() => resolveStructuredAnswer([{ text: '{"m":2}' }], 'end_turn', plan('native'))).toThrow(
      expect.objectContaining({ status: 502, code: 'structured_output_invalid' }),
    );
  });
});

describe('resolveStructuredStream', () => {
  it('streams the response tool input as text and drops the text beside it', async () => {
    const out = await run(
      [
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Let me answer.' } } },
        {
          contentBlockStart: {
            contentBlockIndex: 1,
            start: { toolUse: { toolUseId: 't', name: 'json_response' } },
          },
        },
        { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"n":' } } } },
        { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '3}' } } } },
        { messageStop: { stopReason: 'tool_use' } },
      ],
      plan('tool'),
    );
    expect(text(out)).toBe('{"n":3}');
    expect(out.at(-1)).toEqual({ messageStop: { stopReason: 'end_turn' } });
  });

  it('holds an instruction answer until the end, then sends it checked', async () => {
    const out = await run(
      [
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: '{"n"' } } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: ':4}' } } },
        { messageStop: { stopReason: 'end_turn' } },
      ],
      plan('instruction'),
    );
    expect(out.filter((e) => e.contentBlockDelta)).toHaveLength(1);
    expect(text(out)).toBe('{"n":4}');
  });

  it('ends with an error, not a stop, when a strict native answer does not match', async () => {
    await expect(
      run(
        [
          { contentBlockDelta: { contentBlockIndex: 0, delta: { text: '{"n":"x"}' } } },
          { messageStop: { stopReason: 'end_turn' } },
        ],
        plan('native'),
      ),
    ).rejects.toMatchObject({ status: 502 });
  });
});
