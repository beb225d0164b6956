import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { InferenceStream } from '../../inference/inference-response';
import { ConverseAnthropicStream } from './converse-events';

function source(events: ConverseStreamOutput[]): InferenceStream {
  return {
    modelId: 'us.amazon.nova-pro-v1:0',
    async *[Symbol.asyncIterator]() {
      yield* events;
    },
  };
}

const collect = async (events: ConverseStreamOutput[]) => {
  const out: Record<string, unknown>[] = [];
  const stream = new ConverseAnthropicStream(source(events), 'nova');
  for await (const e of stream) out.push(e);
  return { out, usage: stream.usage() };
};

describe('ConverseAnthropicStream', () => {
  it('turns Converse events into Anthropic’s sequence: blocks opened on first delta, usage at the end', async () => {
    const { out, usage } = await collect([
      { messageStart: { role: 'assistant' } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'hmm' } } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'sig' } } } },
      { contentBlockStop: { contentBlockIndex: 0 } },
      { contentBlockDelta: { contentBlockIndex: 1, delta: { text: 'Hi' } } },
      { contentBlockStop: { contentBlockIndex: 1 } },
      {
        contentBlockStart: {
          contentBlockIndex: 2,
          start: { toolUse: { toolUseId: 't1', name: 'get_weather' } },
        },
      },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '{"city":' } } } },
      { contentBlockDelta: { contentBlockIndex: 2, delta: { toolUse: { input: '"Paris"}' } } } },
      { contentBlockStop: { contentBlockIndex: 2 } },
      { messageStop: { stopReason: 'tool_use' } },
      {
        metadata: {
          usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadInputTokens: 2 },
          metrics: { latencyMs: 1 },
        },
      },
    ]);
    expect(out.map((e) => e.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(out[0]).toMatchObject({ message: { model: 'nova', role: 'assistant', content: [] } });
    expect(out[3]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'thinking_delta', thinking: 'hmm' },
    });
    expect(out[4]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: 'sig' },
    });
    expect(out[9]).toEqual({
      type: 'content_block_start',
      index: 2,
      content_block: { type: 'tool_use', id: 't1', name: 'get_weather', input: {} },
    });
    expect(out[10]).toEqual({
      type: 'content_block_delta',
      index: 2,
      delta: { type: 'input_json_delta', partial_json: '{"city":' },
    });
    expect(out[13]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: 10,
        output_tokens: 5,
        cache_read_input_tokens: 2,
        cache_creation_input_tokens: 0,
      },
    });
    expect(usage).toMatchObject({ input_tokens: 10, output_tokens: 5 });
  });

  it('fails a stream that ends without Converse’s metadata (cut short)', async () => {
    await expect(
      collect([
        { messageStart: { role: 'assistant' } },
        { contentBlockDelta: { contentBlockIndex: 0, delta: { text: 'a' } } },
      ]),
    ).rejects.toMatchObject({
      status: 502,
    });
  });
});
