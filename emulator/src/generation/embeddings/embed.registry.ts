import type { ModelFamily } from '../../catalog/catalog.types';
import { cohereV3Embed, cohereV4Embed } from './cohere.embed';
import type { EmbedAdapter } from './embed.types';
import { novaEmbed } from './nova.embed';
import { titanV1Embed, titanV2Embed } from './titan.embed';

export const EMBEDDERS: Partial<Record<ModelFamily, EmbedAdapter>> = {
  'titan-embed-v1': titanV1Embed,
  'titan-embed-v2': titanV2Embed,
  'cohere-embed-v3': cohereV3Embed,
  'cohere-embed-v4': cohereV4Embed,
  'nova-embed': novaEmbed,
};
