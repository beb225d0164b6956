import { createEngine } from '../../engine/engine';
import { runtimeRequest } from '../../engine/engine.test-helpers';
import type { EngineResult } from '../../engine/engine.types';
import { embedVector } from './vector';

function invoke(modelId: string, body: unknown): EngineResult {
  return createEngine().handle(runtimeRequest('InvokeModel', modelId, body));
}

function json(result: EngineResult): Record<string, unknown> {
  if (result.kind !== 'raw') throw new Error(`expected raw, got ${JSON.stringify(result)}`);
  return JSON.parse(result.body.toString('utf8')) as Record<string, unknown>;
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('embedVector', () => {
  it('is deterministic per input and differs between inputs', () => {
    expect(embedVector('a cat', 8, true)).toEqual(embedVector('a cat', 8, true));
    expect(embedVector('a cat', 8, true)).not.toEqual(embedVector('a dog', 8, true));
  });

  it('normalises only when asked', () => {
    expect(norm(embedVector('x', 256, true))).toBeCloseTo(1, 4);
    expect(norm(embedVector('x', 256, false))).not.toBeCloseTo(1, 2);
  });
});

describe('embedding InvokeModel bodies', () => {
  it('Titan v2: default 1024 normalised dims, requested dims, token count in body and header', () => {
    const result = invoke('amazon.titan-embed-text-v2:0', {
      inputText: 'three little words',
      dimensions: 256,
    });
    const body = json(result);
    expect((body.embedding as number[]).length).toBe(256);
    expect(norm(body.embedding as number[])).toBeCloseTo(1, 4);
    expect(body.inputTextTokenCount).toBe(3);
    expect((body.embeddingsByType as { float: number[] }).float).toEqual(body.embedding);
    expect(result.kind === 'raw' && result.headers['x-amzn-bedrock-input-token-count']).toBe('3');
    expect(
      (json(invoke('amazon.titan-embed-text-v2:0', { inputText: 'x' })).embedding as number[]).length,
    ).toBe(1024);
  });

  it('Titan v2 rejects dimensions it does not offer', () => {
    expect(invoke('amazon.titan-embed-text-v2:0', { inputText: 'x', dimensions: 100 })).toMatchObject({
      kind: 'error',
      error: {
        message:
          'Malformed input request: #/dimensions: 100 is not a valid enum value, please reformat your input and try again.',
      },
    });
  });

  it('Titan v1 returns 1536 dims and rejects v2-only fields', () => {
    expect(
      (json(invoke('amazon.titan-embed-text-v1', { inputText: 'x' })).embedding as number[]).length,
    ).toBe(1536);
    expect(invoke('amazon.titan-embed-text-v1', { inputText: 'x', dimensions: 256 })).toMatchObject({
      error: { message: expect.stringContaining('#: extraneous key [dimensions] is not permitted') },
    });
  });

  it('Cohere v3 embeds a batch, requires input_type and caps texts at 96', () => {
    const body = json(
      invoke('cohere.embed-english-v3', { texts: ['a', 'b'], input_type: 'search_document' }),
    );
    expect(body).toMatchObject({ texts: ['a', 'b'], response_type: 'embeddings_floats' });
    const [a, b] = body.embeddings as number[][];
    expect(a).toHaveLength(1024);
    expect(a).not.toEqual(b);
    expect(invoke('cohere.embed-english-v3', { texts: ['a'] })).toMatchObject({
      error: {
        message:
          'Malformed input request: #: required key [input_type] not found, please reformat your input and try again.',
      },
    });
    const tooMany = { texts: Array(97).fill('t'), input_type: 'search_query' };
    expect(invoke('cohere.embed-multilingual-v3', tooMany)).toMatchObject({
      error: { message: expect.stringContaining('#/texts: expected maximum item count: 96, found: 97') },
    });
  });

  it('Cohere v4 returns embeddings by type at the requested output_dimension', () => {
    const body = json(
      invoke('cohere.embed-v4:0', {
        texts: ['a'],
        input_type: 'search_query',
        output_dimension: 512,
        embedding_types: ['float', 'int8'],
      }),
    );
    const embeddings = body.embeddings as { float: number[][]; int8: number[][] };
    expect(body.response_type).toBe('embeddings_by_type');
    expect(embeddings.float[0]).toHaveLength(512);
    expect(embeddings.int8[0].every((v) => Number.isInteger(v) && v >= -128 && v <= 127)).toBe(true);
  });

  it('Nova multimodal embeddings honour embeddingDimension and reject others', () => {
    const request = (embeddingDimension: number) => ({
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: {
        embeddingPurpose: 'GENERIC_INDEX',
        embeddingDimension,
        text: { truncationMode: 'END', value: 'hi' },
      },
    });
    const body = json(invoke('amazon.nova-2-multimodal-embeddings-v1:0', request(384)));
    expect(body.embeddings).toEqual([{ embeddingType: 'TEXT', embedding: expect.any(Array) }]);
    expect((body.embeddings as { embedding: number[] }[])[0].embedding).toHaveLength(384);
    expect(invoke('amazon.nova-2-multimodal-embeddings-v1:0', request(512))).toMatchObject({
      error: {
        message: expect.stringContaining(
          '#/singleEmbeddingParams/embeddingDimension: 512 is not a valid enum value',
        ),
      },
    });
  });

  it('refuses Converse and streaming for embedding models', () => {
    const converse = createEngine().handle(
      runtimeRequest('Converse', 'amazon.titan-embed-text-v2:0', {
        messages: [{ role: 'user', content: [{ text: 'x' }] }],
      }),
    );
    expect(converse).toMatchObject({
      error: {
        message:
          "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
      },
    });
    const stream = createEngine().handle(
      runtimeRequest('InvokeModelWithResponseStream', 'amazon.titan-embed-text-v2:0', { inputText: 'x' }),
    );
    expect(stream).toMatchObject({ error: { message: 'The model is unsupported for streaming.' } });
  });
});
