import { novaAdapter } from './nova.embeddings';
import { ConverseFamily } from '../../converse/converse-family';

/**
 * Amazon Nova. Vision, documents, tools (also while streaming) and prompt caching on the Pro/Lite/Premier
 * models; Micro is text-only: capability data. Embeddings: Nova Multimodal Embeddings.
 */
export class NovaFamily extends ConverseFamily {
  readonly family = 'nova';
  readonly embeddings = { nova: novaAdapter };
}

export const family = new NovaFamily();
