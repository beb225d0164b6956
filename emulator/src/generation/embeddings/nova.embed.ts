import type { ObjectSpec } from '../../validation/native-schema';
import { AUDIO_TOKENS, IMAGE_TOKENS, VIDEO_TOKENS, countWords } from '../tokens';
import { embedVector } from './vector';
import type { EmbedAdapter } from './embed.types';

type Json = Record<string, unknown>;

const MEDIA = ['image', 'audio', 'video'] as const;
const MEDIA_TOKENS = { image: IMAGE_TOKENS, audio: AUDIO_TOKENS, video: VIDEO_TOKENS };

/** Nova Multimodal Embeddings, synchronous SINGLE_EMBEDDING (docs/bedrock-protocol.md §8.4). */
const SPEC: ObjectSpec = {
  closed: true,
  required: ['taskType', 'singleEmbeddingParams'],
  fields: {
    schemaVersion: { type: 'string', enum: ['nova-multimodal-embed-v1'] },
    taskType: { type: 'string', enum: ['SINGLE_EMBEDDING'] },
    singleEmbeddingParams: {
      type: 'object',
      object: {
        closed: true,
        required: ['embeddingPurpose'],
        fields: {
          embeddingPurpose: {
            type: 'string',
            enum: [
              'GENERIC_INDEX',
              'GENERIC_RETRIEVAL',
              'TEXT_RETRIEVAL',
              'IMAGE_RETRIEVAL',
              'VIDEO_RETRIEVAL',
              'DOCUMENT_RETRIEVAL',
              'AUDIO_RETRIEVAL',
              'CLASSIFICATION',
              'CLUSTERING',
            ],
          },
          embeddingDimension: { type: 'integer', enum: [256, 384, 1024, 3072] },
          text: {
            type: 'object',
            object: {
              required: ['truncationMode'],
              fields: {
                truncationMode: { type: 'string', enum: ['START', 'END', 'NONE'] },
                value: { type: 'string' },
              },
            },
          },
          image: { type: 'object' },
          audio: { type: 'object' },
          video: { type: 'object' },
        },
      },
    },
  },
};

export const novaEmbed: EmbedAdapter = {
  spec: SPEC,
  embed(body, model) {
    const params = body.singleEmbeddingParams as Json;
    const dim =
      typeof params.embeddingDimension === 'number'
        ? params.embeddingDimension
        : model.embedding!.defaultDimension;
    const text = params.text as Json | undefined;
    const media = MEDIA.find((m) => params[m] !== undefined);
    const seed = text ? String(text.value ?? '') : JSON.stringify(params[media ?? 'image'] ?? {});
    const inputTokens = text ? countWords(seed) : media ? MEDIA_TOKENS[media] : 0;
    const embeddingType = text ? 'TEXT' : (media ?? 'text').toUpperCase();
    return {
      body: { embeddings: [{ embeddingType, embedding: embedVector(seed, dim, true) }] },
      inputTokens,
    };
  },
};
