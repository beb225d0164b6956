import type { ResolvedModel } from '../../../catalog/resolved-model';
import { novaAdapter } from './nova.embeddings';
import { ConverseFamily } from '../../converse/converse-family';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { nativeCodecFor } from './nova.native';

/**
 * Amazon Nova. Vision, documents, tools (also while streaming) and prompt caching on the Pro/Lite/Premier
 * models; Micro is text-only: capability data. Embeddings: Nova Multimodal Embeddings.
 */
export class NovaFamily extends ConverseFamily {
  readonly family = 'nova';

  override nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
    return nativeCodecFor(model);
  }
  readonly embeddings = { nova: novaAdapter };
}

export const family = new NovaFamily();
