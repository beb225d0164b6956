import type { ResolvedModel } from '../../../catalog/resolved-model';
import { titanV1Adapter } from './titan-v1.embeddings';
import { titanV2Adapter } from './titan-v2.embeddings';
import { ConverseFamily } from '../../converse/converse-family';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { nativeCodecFor } from './titan.native';

/**
 * Amazon Titan. Text models take no system prompt (folded into the first user turn) and no tools:
 * capability data. Embeddings: Titan Embeddings G1 (`titan-v1`) and Text Embeddings V2 (`titan-v2`).
 */
export class TitanFamily extends ConverseFamily {
  readonly family = 'titan';

  override nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
    return nativeCodecFor(model);
  }
  readonly embeddings = { 'titan-v1': titanV1Adapter, 'titan-v2': titanV2Adapter };
}

export const family = new TitanFamily();
