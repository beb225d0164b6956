import type { ResolvedModel } from '../../../catalog/resolved-model';
import { ConverseFamily } from '../../converse/converse-family';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { nativeCodecFor } from './mistral.native';

/**
 * Mistral. Mistral 7B and Mixtral take no system prompt (folded into the first user turn); Large has tools
 * but not while streaming and no text beside tool results: all capability data.
 */
export class MistralFamily extends ConverseFamily {
  readonly family = 'mistral';

  override nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
    return nativeCodecFor(model);
  }
}

export const family = new MistralFamily();
