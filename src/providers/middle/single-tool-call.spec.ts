import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { keepFirstToolCall, keepFirstToolCallStream } from './single-tool-call';

async function collect(events: ConverseStreamOutput[]): Promise<ConverseStreamOutput[]> {
  async function* source() {
    yield* events;
  }
  const out: ConverseStreamOutput[] = [];
  for await (const e of keepFirstToolCallStream(source())) out.push(e);
  return out;
}

describe('keepFirstToolCall', () => {
  it('keeps text and the first tool call of an answer, and drops the others', () => {
    expect(
      keepFirstToolCall([
        { text: 'x' },
        { toolUse: { toolUseId: 'a', name: 'f', input: {} } },
        { toolUse: { toolUseId: 'b', name: 'g', input: {} } },
      ]),
    ).toEqual([{ text: 'x' }, { toolUse: { toolUseId: 'a', name: 'f', input: {} } }]);
  });

  it('drops every event of the second tool block of a stream', async () => {
    const out = await collect([
      { contentBlockStart: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't1', name: 'a' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { toolUse: { input: '{}' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't2', name: 'b' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{}' } } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      { messageStop: { stopReason: 'tool_use' } },
    ]);
    expect(out.map((e) => Object.keys(e)[0])).toEqual([
      'contentBlockStart',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
    ]);
    expect(
      out.every(
        (e) => (e.contentBlockStart ?? e.contentBlockDelta ?? e.contentBlockStop)?.contentBlockIndex !== 1,
      ),
    ).toBe(true);
  });
});
