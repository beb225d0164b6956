import { createEngine } from './engine';
import { runtimeRequest, userTurn } from './engine.test-helpers';
import type { StreamEvent } from './engine.types';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

function streamedText(events: StreamEvent[]): string {
  return events
    .filter((e) => e.eventType === 'contentBlockDelta')
    .map((e) => (e.payload.delta as { text?: string }).text ?? '')
    .join('');
}

describe('Converse and ConverseStream text replies', () => {
  it('echoes the last user turn with usage counted in words', () => {
    const engine = createEngine();
    const result = engine.handle(
      runtimeRequest('Converse', HAIKU, { messages: [userTurn('hello there world')] }),
    );
    expect(result).toMatchObject({
      kind: 'json',
      body: {
        output: { message: { role: 'assistant', content: [{ text: 'You said: hello there world' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 3, outputTokens: 5, totalTokens: 8 },
      },
    });
  });

  it('streams one delta per word whose concatenation equals the Converse text, metadata last', () => {
    const engine = createEngine();
    const body = { messages: [userTurn('one two three')] };
    const json = engine.handle(runtimeRequest('Converse', HAIKU, body));
    const stream = engine.handle(runtimeRequest('ConverseStream', HAIKU, body));
    if (json.kind !== 'json' || stream.kind !== 'events') throw new Error('unexpected result kinds');
    const converse = json.body as { output: { message: { content: { text: string }[] } }; usage: unknown };
    const deltas = stream.events.filter((e) => e.eventType === 'contentBlockDelta');
    expect(streamedText(stream.events)).toBe(converse.output.message.content[0].text);
    expect(deltas).toHaveLength(5);
    expect(stream.events.map((e) => e.eventType)).toEqual([
      'messageStart',
      ...deltas.map(() => 'contentBlockDelta'),
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(stream.events[stream.events.length - 1].payload.usage).toEqual(converse.usage);
  });

  it('pads or trims the reply to exactly replyWords words', () => {
    const engine = createEngine({ replyWords: 20 });
    const stream = engine.handle(runtimeRequest('ConverseStream', HAIKU, { messages: [userTurn('hi')] }));
    if (stream.kind !== 'events') throw new Error('expected events');
    expect(stream.events.filter((e) => e.eventType === 'contentBlockDelta')).toHaveLength(20);
    expect(streamedText(stream.events).split(' ')).toHaveLength(20);
  });
});
