import { malformedInput, type FieldSpec, type ObjectSpec } from '../../validation/native-schema';
import { IMAGE_TOKENS, countWords } from '../tokens';
import { deterministicUuid } from '../uuid';
import { embedVector, quantise } from './vector';
import type { EmbedAdapter } from './embed.types';

type Json = Record<string, unknown>;

const TYPES: FieldSpec = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', enum: ['float', 'int8', 'uint8', 'binary', 'ubinary'] },
};
const PURPOSES = ['search_document', 'search_query', 'classification', 'clustering'];

const V3_SPEC: ObjectSpec = {
  closed: true,
  required: ['input_type'],
  fields: {
    texts: { type: 'array', maxItems: 96, items: { type: 'string' } },
    images: { type: 'array', maxItems: 1, items: { type: 'string' } },
    input_type: { type: 'string', enum: [...PURPOSES, 'image'] },
    truncate: { type: 'string', enum: ['NONE', 'START', 'END'] },
    embedding_types: TYPES,
  },
};

const V4_SPEC: ObjectSpec = {
  closed: true,
  required: ['input_type'],
  fields: {
    texts: { type: 'array', maxItems: 96, items: { type: 'string' } },
    images: { type: 'array', maxItems: 96, items: { type: 'string' } },
    inputs: { type: 'array', maxItems: 96, items: { type: 'object' } },
    input_type: { type: 'string', enum: PURPOSES },
    embedding_types: TYPES,
    output_dimension: { type: 'integer', enum: [256, 512, 1024, 1536] },
    max_tokens: { type: 'integer', minimum: 1 },
    truncate: { type: 'string', enum: ['NONE', 'LEFT', 'RIGHT'] },
  },
};

function inputsOf(body: Json): { seeds: string[]; texts: string[]; tokens: number } {
  const texts = Array.isArray(body.texts) ? (body.texts as string[]) : [];
  const images = Array.isArray(body.images) ? (body.images as string[]) : [];
  const inputs = Array.isArray(body.inputs) ? (body.inputs as unknown[]).map((i) => JSON.stringify(i)) : [];
  const tokens =
    texts.reduce((n, t) => n + countWords(t), 0) + (images.length + inputs.length) * IMAGE_TOKENS;
  return { seeds: [...texts, ...images, ...inputs], texts, tokens };
}

/**
 * Cohere Embed: normalised vectors; a plain list (`embeddings_floats`) unless `embedding_types` asks for
 * typed results (`embeddings_by_type`), which v4 always returns (docs/bedrock-protocol.md §8.2, §8.3).
 */
function cohereEmbed(spec: ObjectSpec, alwaysByType: boolean): EmbedAdapter {
  return {
    spec,
    embed(body, model) {
      // Texts and images are alternatives (wire §8.2); these two violations' wording is UNVERIFIED.
      if (body.texts !== undefined && body.images !== undefined) {
        throw malformedInput(['#: texts and images cannot both be provided']);
      }
      const { seeds, texts, tokens } = inputsOf(body);
      if (seeds.length === 0) throw malformedInput(['#: required key [texts] not found']);
      const dim =
        typeof body.output_dimension === 'number' ? body.output_dimension : model.embedding!.defaultDimension;
      const vectors = seeds.map((s) => embedVector(s, dim, true));
      const types = body.embedding_types as string[] | undefined;
      const byType = types !== undefined || alwaysByType;
      const embeddings = byType
        ? Object.fromEntries((types ?? ['float']).map((t) => [t, vectors.map((v) => quantise(v, t))]))
        : vectors;
      const out: Json = {
        id: deterministicUuid(JSON.stringify(body)),
        embeddings,
        texts,
        response_type: byType ? 'embeddings_by_type' : 'embeddings_floats',
      };
      if (Array.isArray(body.images)) out.images = body.images.map(() => ({}));
      return { body: out, inputTokens: tokens };
    },
  };
}

export const cohereV3Embed = cohereEmbed(V3_SPEC, false);
export const cohereV4Embed = cohereEmbed(V4_SPEC, true);
