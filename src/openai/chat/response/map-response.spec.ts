import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { InferenceResponse } from '../../../inference/inference-response';
import { toChatCompletion } from './map-response';

const meta = { id: 'chatcmpl-x', created: 1700000000, model: 'gpt-4o' };
const response = (content: ContentBlock[], stopReason = 'end_turn'): InferenceResponse => ({
  content,
  stopReason,
  usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
  modelId: 'm',
});

describe('toChatCompletion', () => {
  it('joins text blocks into content and echoes the requested model', () => {
    const out = toChatCompletion(response([{ text: 'Hello ' }, { text: 'world' }]), meta);
    expect(out).toEqual({
      id: 'chatcmpl-x',
      object: 'chat.completion',
      created: 1700000000,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello world', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
      system_fingerprint: null,
    });
  });

  it('keeps text beside tool calls and serialises tool input as a JSON string', () => {
    const out = toChatCompletion(
      response(
        [
          { text: "I'll check." },
          { toolUse: { toolUseId: 'tooluse_1', name: 'weather', input: { city: 'Paris' } } },
        ],
        'tool_use',
      ),
      meta,
    );
    expect(out.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: "I'll check.",
        tool_calls: [
          { id: 'tooluse_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        ],
      },
    });
  });

  it('gives null content for a tool-only answer', () => {
    const blocks = [
      { toolUse: { toolUseId: 'a', name: 'f', input: {} } },
      { toolUse: { toolUseId: 'b', name: 'g', input: {} } },
    ];
    expect(toChatCompletion(response(blocks, 'tool_use'), meta).choices[0].message).toMatchObject({
      content: null,
    });
  });

  it('puts reasoning in reasoning_content and its signed blocks in reasoning_details, never in content', () => {
    const out = toChatCompletion(
      response([
        { reasoningContent: { reasoningText: { text: 'step 1', signature: 'sig1' } } },
        { reasoningContent: { redactedContent: new Uint8Array([1, 2, 3]) } },
        { text: 'answer' },
      ]),
      meta,
    );
    expect(out.choices[0].message).toEqual({
      role: 'assistant',
      content: 'answer',
      refusal: null,
      reasoning_content: 'step 1',
      reasoning_details: [
        { type: 'reasoning.text', text: 'step 1', signature: 'sig1' },
        { type: 'reasoning.encrypted', data: 'AQID' },
      ],
    });
    expect(out.usage.completion_tokens_details).toBeUndefined();
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
  ] as const)('maps stopReason %s to finish_reason %s', (stopReason, finish) => {
    expect(toChatCompletion(response([{ text: 'x' }], stopReason), meta).choices[0].finish_reason).toBe(
      finish,
    );
  });
});
