import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { mapStreamEvent } from './map-stream-event';
import { newStreamState } from './stream-state';

const meta = { id: 'chatcmpl-s', created: 1, model: 'm' };
const run = (events: ConverseStreamOutput[]) => {
  const state = newStreamState(meta);
  return events.map((e) => mapStreamEvent(e, state)).filter((o) => o !== undefined);
};

describe('mapStreamEvent', () => {
  it('maps a text answer to a role delta, content deltas, a finish and usage', () => {
    expect(
      run([
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Hi ' } } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'there' } } },
        { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: 'end_turn' } },
        {
          metadata: { usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 }, metrics: { latencyMs: 1 } },
        },
      ]),
    ).toEqual([
      { kind: 'delta', delta: { role: 'assistant', content: '' } },
      { kind: 'delta', delta: { content: 'Hi ' } },
      { kind: 'delta', delta: { content: 'there' } },
      { kind: 'finish', reason: 'stop' },
      { kind: 'usage', usage: expect.objectContaining({ prompt_tokens: 3, completion_tokens: 2 }) },
    ]);
  });

  it('numbers tool calls from 0 in order of appearance, with id and name first and argument fragments after', () => {
    const out = run([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'Using tools.' } } },
      { contentBlockStart: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 't1', name: 'a' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '{"x":' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { toolUse: { input: '1}' } } } },
      { contentBlockStart: { contentBlockIndex: 2, start: { toolUse: { toolUseId: 't2', name: 'b' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{}' } } } },
      { messageStop: { stopReason: 'tool_use' } },
    ]);
    expect(out).toEqual([
      { kind: 'delta', delta: { content: 'Using tools.' } },
      {
        kind: 'delta',
        delta: {
          tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'a', arguments: '' } }],
        },
      },
      { kind: 'delta', delta: { tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] } },
      { kind: 'delta', delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] } },
      {
        kind: 'delta',
        delta: {
          tool_calls: [{ index: 1, id: 't2', type: 'function', function: { name: 'b', arguments: '' } }],
        },
      },
      { kind: 'delta', delta: { tool_calls: [{ index: 1, function: { arguments: '{}' } }] } },
      { kind: 'finish', reason: 'tool_calls' },
    ]);
  });

  it('streams reasoning as reasoning_content and reports each signed block whole in reasoning_details', () => {
    const out = run([
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'think ' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'hard' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'SIG' } } } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'done' } } },
      { metadata: { usage: { inputTokens: 1, outputTokens: 3, totalTokens: 4 }, metrics: { latencyMs: 1 } } },
    ]);
    expect(out.slice(0, 4)).toEqual([
      { kind: 'delta', delta: { reasoning_content: 'think ' } },
      { kind: 'delta', delta: { reasoning_content: 'hard' } },
      {
        kind: 'delta',
        delta: {
          reasoning_details: [{ type: 'reasoning.text', text: 'think hard', signature: 'SIG', index: 0 }],
        },
      },
      { kind: 'delta', delta: { content: 'done' } },
    ]);
    expect(out[4]).toMatchObject({ kind: 'usage', usage: { completion_tokens: 3 } });
    expect((out[4] as { usage: object }).usage).not.toHaveProperty('completion_tokens_details');
  });
});
