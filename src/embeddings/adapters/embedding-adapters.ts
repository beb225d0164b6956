import type { EmbeddingApi } from '../../catalog/model-capabilities.types';
import { cohereV3Adapter } from './cohere-v3.adapter';
import { cohereV4Adapter } from './cohere-v4.adapter';
import type { EmbeddingAdapter } from './embedding-adapter';
import { novaAdapter } from './nova.adapter';
import { titanV1Adapter } from './titan-v1.adapter';
import { titanV2Adapter } from './titan-v2.adapter';

/** The adapter for a native embedding API named in the capability data. */
export function embeddingAdapterFor(api: EmbeddingApi): EmbeddingAdapter {
  switch (api) {
    case 'titan-v1':
      return titanV1Adapter;
    case 'titan-v2':
      return titanV2Adapter;
    case 'cohere-v3':
      return cohereV3Adapter;
    case 'cohere-v4':
      return cohereV4Adapter;
    case 'nova':
      return novaAdapter;
    default: {
      const unknown: never = api;
      throw new Error(`no embedding adapter for '${String(unknown)}'`);
    }
  }
}
