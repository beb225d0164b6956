import type { CatalogModel } from '../../catalog/catalog.types';
import type { ObjectSpec } from '../../validation/native-schema';

/** One embedding family's InvokeModel dialect (docs/bedrock-protocol.md §8.1–8.4). */
export interface EmbedAdapter {
  spec: ObjectSpec;
  embed(
    body: Record<string, unknown>,
    model: CatalogModel,
  ): { body: Record<string, unknown>; inputTokens: number };
}
