import type { ConverseResponse } from '@aws-sdk/client-bedrock-runtime';
import { makeChunk } from './chunk-factory';
import { toChatCompletion } from './map-response';
import { mapStreamEvent } from './map-stream-event';
import { replayConverse } from '../../../providers/converse/replay-converse';
import { newStreamState } from './stream-state';

describe('a replayed Converse answer through the chat mappers', () => {
  it('replays an answer as stream events that map to the same message the JSON path gives', () => {
    const out: ConverseResponse = {
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'hmm', signature: 'sig' } } },
            { text: 'Calling.' },
            { toolUse: { toolUseId: 't1', name: 'f', input: { x: [1, 2] } } },
          ],
        },
      },
      stopReason: 'tool_use',
      usage: { inputTokens: 4, outputTokens: 6, totalTokens: 10 },
      metrics: { latencyMs: 3 },
    };
    const meta = { id: 'i', created: 1, model: 'm' };
    const state = newStreamState(meta);
    const outputs = replayConverse(out)
      .map((e) => mapStreamEvent(e, state))
      .filter((o) => o !== undefined);
    const deltas = outputs.flatMap((o) => (o.kind === 'delta' ? [o.delta] : []));
    const internal = {
      content: out.output!.message!.content!,
      stopReason: out.stopReason!,
      usage: out.usage!,
      modelId: 'm',
    };
    const json = toChatCompletion(internal, meta).choices[0].message;
    expect(deltas.map((d) => d.content ?? '').join('')).toBe(json.content);
    expect(deltas.map((d) => d.reasoning_content ?? '').join('')).toBe(json.reasoning_content);
    expect(
      deltas
        .flatMap((d) => d.tool_calls ?? [])
        .map((t) => t.function.arguments)
        .join(''),
    ).toBe(json.tool_calls![0].function.arguments);
    expect(outputs.filter((o) => o.kind === 'finish')).toEqual([{ kind: 'finish', reason: 'tool_calls' }]);
    expect(outputs.at(-1)).toMatchObject({
      kind: 'usage',
      usage: { prompt_tokens: 4, completion_tokens: 6 },
    });
    expect(makeChunk(meta, deltas[0], null, false).choices[0].delta).toEqual({
      role: 'assistant',
      content: '',
    });
  });
});
