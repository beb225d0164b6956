import { lookupModelProfile } from '../../catalog/model-capabilities';
import { parseModelId } from '../../catalog/model-id';
import type { ChatCompletionRequest, ChatMessage } from '../../chat/dto/chat-request.types';
import { toDocumentBlock } from '../../chat/media/document';
import { toImageBlock } from '../../chat/media/image';
import { decodeDataUrl } from '../../chat/media/data-url';
import type { MappingContext, RequestSettings } from '../converse/request-context';

/** A mapping context for a real model id, with its real capabilities and the real inline-media handling. */
export function contextFor(modelId: string, settings: Partial<RequestSettings> = {}): MappingContext {
  const parsed = parseModelId(modelId);
  const baseModelId =
    parsed.kind === 'foundation' || parsed.kind === 'system-profile' ? parsed.baseModelId : modelId;
  return {
    model: { requested: modelId, modelId, baseModelId, profile: lookupModelProfile(baseModelId) },
    settings: { enablePromptCaching: false, ...settings },
    media: {
      image: (part, param) => toImageBlock(decodeDataUrl(part.image_url.url, param).bytes, param),
      document: (part, param) => toDocumentBlock(part, param, 0),
    },
  };
}

export const chat = (
  messages: ChatMessage[],
  extra: Partial<ChatCompletionRequest> = {},
): ChatCompletionRequest => ({
  model: 'test-model',
  messages,
  ...extra,
});

/** A 1×1 PNG, as a data URL. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
