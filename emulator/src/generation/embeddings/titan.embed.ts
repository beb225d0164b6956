import { countWords } from '../tokens';
import { embedVector } from './vector';
import type { EmbedAdapter } from './embed.types';

/** Titan Embeddings G1: `{inputText}` only; the vector is not normalised (docs/bedrock-protocol.md §8.1). */
export const titanV1Embed: EmbedAdapter = {
  spec: { closed: true, required: ['inputText'], fields: { inputText: { type: 'string', minLength: 1 } } },
  embed(body, model) {
    const text = String(body.inputText);
    const inputTokens = countWords(text);
    const dim = model.embedding!.defaultDimension;
    return {
      body: { embedding: embedVector(text, dim, false), inputTextTokenCount: inputTokens },
      inputTokens,
    };
  },
};

/** Titan Text Embeddings V2: dimensions 256/512/1024, normalised by default, `embeddingsByType` always present. */
export const titanV2Embed: EmbedAdapter = {
  spec: {
    closed: true,
    required: ['inputText'],
    fields: {
      inputText: { type: 'string', minLength: 1 },
      dimensions: { type: 'integer', enum: [256, 512, 1024] },
      normalize: { type: 'boolean' },
      embeddingTypes: { type: 'array', minItems: 1, items: { type: 'string', enum: ['float', 'binary'] } },
    },
  },
  embed(body, model) {
    const text = String(body.inputText);
    const inputTokens = countWords(text);
    const dim = typeof body.dimensions === 'number' ? body.dimensions : model.embedding!.defaultDimension;
    const vector = embedVector(text, dim, body.normalize !== false);
    const types = Array.isArray(body.embeddingTypes) ? (body.embeddingTypes as string[]) : ['float'];
    const byType: Record<string, number[]> = { float: vector };
    if (types.includes('binary')) byType.binary = vector.map((v) => (v > 0 ? 1 : 0));
    return {
      body: { embedding: vector, inputTextTokenCount: inputTokens, embeddingsByType: byType },
      inputTokens,
    };
  },
};
