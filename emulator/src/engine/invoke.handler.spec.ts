import { createEngine } from './engine';
import { runtimeRequest } from './engine.test-helpers';
import type { EngineResult, StreamEvent } from './engine.types';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

function rawJson(result: EngineResult): Record<string, unknown> {
  if (result.kind !== 'raw') throw new Error(`expected raw, got ${JSON.stringify(result)}`);
  return JSON.parse(result.body.toString('utf8')) as Record<string, unknown>;
}

function decodedChunks(result: EngineResult): Record<string, unknown>[] {
  if (result.kind !== 'events') throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result.events.map((e: StreamEvent) => {
    expect(e.eventType).toBe('chunk');
    return JSON.parse(Buffer.from(e.payload.bytes as string, 'base64').toString('utf8')) as Record<
      string,
      unknown
    >;
  });
}

const claudeBody = {
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'hello from invoke' }],
};

describe('InvokeModel (Claude Messages)', () => {
  it('answers with an Anthropic message and the token-count headers', () => {
    const result = createEngine().handle(runtimeRequest('InvokeModel', HAIKU, claudeBody));
    expect(result.kind === 'raw' && result.headers).toMatchObject({
      'content-type': 'application/json',
      'x-amzn-bedrock-input-token-count': '3',
      'x-amzn-bedrock-output-token-count': '5',
    });
    expect(rawJson(result)).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-3-haiku-20240307',
      content: [{ type: 'text', text: 'You said: hello from invoke' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 3, output_tokens: 5 },
    });
  });

  it('streams Anthropic events with Bedrock invocation metrics on the last chunk', () => {
    const chunks = decodedChunks(
      createEngine().handle(runtimeRequest('InvokeModelWithResponseStream', HAIKU, claudeBody)),
    );
    expect(chunks.map((c) => c.type)).toEqual([
      'message_start',
      'content_block_start',
      ...Array(5).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const text = chunks
      .filter((c) => c.type === 'content_block_delta')
      .map((c) => (c.delta as { text: string }).text)
      .join('');
    expect(text).toBe('You said: hello from invoke');
    expect(chunks[chunks.length - 1]['amazon-bedrock-invocationMetrics']).toMatchObject({
      inputTokenCount: 3,
      outputTokenCount: 5,
    });
  });

  it('rejects a body without the required Claude keys, in Bedrock schema-validator wording', () => {
    const result = createEngine().handle(runtimeRequest('InvokeModel', HAIKU, { model: 'x', stream: true }));
    expect(result).toEqual({
      kind: 'error',
      error: {
        type: 'ValidationException',
        status: 400,
        message:
          'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: required key [max_tokens] not found' +
          '#: required key [anthropic_version] not found#: extraneous key [model] is not permitted#: extraneous key [stream] is not permitted, ' +
          'please reformat your input and try again.',
      },
    });
  });

  it('rejects a content type other than application/json', () => {
    const result = createEngine().handle(
      runtimeRequest('InvokeModel', HAIKU, claudeBody, { 'content-type': 'text/plain' }),
    );
    expect(result.kind === 'error' && result.error.message).toBe(
      'The provided Content Type is invalid or not supported for this model',
    );
  });
});

describe('InvokeModel (prompt families)', () => {
  it.each([
    [
      'meta.llama3-1-70b-instruct-v1:0',
      { prompt: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\nhi llama<|eot_id|>' },
      (b: Record<string, unknown>) => b.generation,
    ],
    [
      'mistral.mistral-7b-instruct-v0:2',
      { prompt: '<s>[INST] hi mistral [/INST]' },
      (b: Record<string, unknown>) => (b.outputs as { text: string }[])[0].text,
    ],
    [
      'amazon.titan-text-express-v1',
      { inputText: 'User: hi titan\nBot:' },
      (b: Record<string, unknown>) => (b.results as { outputText: string }[])[0].outputText,
    ],
    ['cohere.command-r-plus-v1:0', { message: 'hi cohere' }, (b: Record<string, unknown>) => b.text],
  ])('%s echoes the user text from its prompt template', (modelId, body, textOf) => {
    const text = textOf(rawJson(createEngine().handle(runtimeRequest('InvokeModel', modelId, body))));
    expect(text).toMatch(/^You said: hi (llama|mistral|titan|cohere)$/);
  });

  it('DeepSeek R1 returns its reasoning before </think>, reachable only through its profile', () => {
    const body = { prompt: '<｜User｜>why<｜Assistant｜><think>\n', max_tokens: 200 };
    const result = rawJson(createEngine().handle(runtimeRequest('InvokeModel', 'us.deepseek.r1-v1:0', body)));
    const text = (result.choices as { text: string }[])[0].text;
    expect(text).toContain('\n</think>\n\n');
    expect(text.endsWith('You said: why')).toBe(true);
  });

  it('cuts Llama output at max_gen_len with stop_reason length', () => {
    const body = { prompt: 'one two three four five six', max_gen_len: 3 };
    const result = rawJson(
      createEngine().handle(runtimeRequest('InvokeModel', 'meta.llama3-1-70b-instruct-v1:0', body)),
    );
    expect(result).toMatchObject({
      generation: 'You said: one',
      generation_token_count: 3,
      stop_reason: 'length',
    });
  });
});
