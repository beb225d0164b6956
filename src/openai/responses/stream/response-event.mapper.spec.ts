import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ResponseEvent } from '../dto/response-events.types';
import type { ResponseObject } from '../dto/response-object.types';
import type { OutputContext } from '../mapping/output-items';
import { responseFrame } from '../mapping/response-frame';
import { ToolNames } from '../mapping/tool-names';
import { deriveSealKey, ReasoningSealer } from '../reasoning/reasoning-sealer';
import { ResponseEventMapper } from './response-event.mapper';

const sealer = new ReasoningSealer(deriveSealKey('unit-test-key-unit-test-key-unit-test'));
const names = new ToolNames();
names.add({ name: 'spawn', namespace: 'agents' });

const EVENTS: ConverseStreamOutput[] = [
  { messageStart: { role: 'assistant' } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Let me ' } } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'think.' } } } },
  { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'c2ln' } } } },
  { contentBlockStop: { contentBlockIndex: 0 } },
  { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'Calling.' } } },
  { contentBlockStop: { contentBlockIndex: 1 } },
  {
    contentBlockStart: {
      contentBlockIndex: 2,
      start: { toolUse: { toolUseId: 'tu1', name: 'agents__spawn' } },
    },
  },
  { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{"task":' } } } },
  { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '"x"}' } } } },
  { contentBlockStop: { contentBlockIndex: 2 } },
  { messageStop: { stopReason: 'tool_use' } },
  { metadata: { usage: { inputTokens: 10, outputTokens: 8, totalTokens: 18 }, metrics: { latencyMs: 1 } } },
];

function run(events: ConverseStreamOutput[], ctx: Partial<OutputContext> = {}) {
  const frame = responseFrame('resp_1', { model: 'm', input: 'x' }, 1);
  const mapper = new ResponseEventMapper(frame, {
    names,
    sealer,
    owner: 'team-a',
    summary: true,
    seal: true,
    ...ctx,
  });
  const out: ResponseEvent[] = [...mapper.start()];
  for (const e of events) out.push(...mapper.map(e));
  const { event, response } = mapper.finish();
  return { events: [...out, event], response };
}

describe('ResponseEventMapper', () => {
  it('turns reasoning, text and a tool call into the Responses event grammar', () => {
    const { events } = run(EVENTS);
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.filter((e) => e.type === 'response.output_item.done').map((e) => e.output_index)).toEqual([
      0, 1, 2,
    ]);
  });

  it('finishes with the items, the sealed thinking, the namespace given back and the usage', () => {
    const { response } = run(EVENTS);
    const [reasoning, message, call] = response.output;
    expect(reasoning).toMatchObject({
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'Let me think.' }],
    });
    expect(
      sealer.open((reasoning as { encrypted_content: string }).encrypted_content, 'team-a', 'x'),
    ).toEqual({
      reasoningText: { text: 'Let me think.', signature: 'c2ln' },
    });
    expect(message).toMatchObject({
      type: 'message',
      status: 'completed',
      content: [{ type: 'output_text', text: 'Calling.' }],
    });
    expect(call).toMatchObject({
      type: 'function_call',
      call_id: 'tu1',
      name: 'spawn',
      namespace: 'agents',
      arguments: '{"task":"x"}',
    });
    expect(response).toMatchObject<Partial<ResponseObject>>({
      status: 'completed',
      incomplete_details: null,
    });
    expect(response.usage).toEqual({
      input_tokens: 10,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: 8,
      output_tokens_details: { reasoning_tokens: 4 },
      total_tokens: 18,
    });
  });

  it('sends no summary events without reasoning.summary, and reports max_tokens as incomplete', () => {
    const events = EVENTS.map((e) =>
      e.messageStop ? { messageStop: { stopReason: 'max_tokens' as const } } : e,
    );
    const out = run(events, { summary: false, seal: false });
    expect(out.events.some((e) => e.type.startsWith('response.reasoning_summary'))).toBe(false);
    expect(out.response.output[0]).toEqual({ type: 'reasoning', id: expect.any(String), summary: [] });
    expect(out.events.at(-1)!.type).toBe('response.incomplete');
    expect(out.response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  it('fails with a 502 when the stream ends without its metadata (a cut stream)', () => {
    expect(() => run(EVENTS.slice(0, 8))).toThrow(
      expect.objectContaining({ status: 502, code: 'upstream_incomplete' }),
    );
  });
});
