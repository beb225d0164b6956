import type { ResolvedModel } from '../../../catalog/resolved-model';
import type { NativeChatCodec } from '../../native/native-chat.codec';
import { buildClaudeBody } from './claude.native-request';
import { claudeStreamDecoder, parseClaudeResponse } from './claude.native-response';

/** Anthropic Claude's Messages API on Bedrock (`anthropic_version: bedrock-2023-05-31`). */
export const claudeMessagesCodec: NativeChatCodec = {
  api: 'claude-messages',
  buildBody: buildClaudeBody,
  parseResponse: parseClaudeResponse,
  streamDecoder: claudeStreamDecoder,
};

/** Every Claude on Bedrock takes the Messages body (Claude 2.x included). */
export function nativeCodecFor(model: ResolvedModel): NativeChatCodec | undefined {
  return model.profile.kind === 'chat' ? claudeMessagesCodec : undefined;
}
