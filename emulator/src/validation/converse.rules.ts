import type { CatalogModel, ChatCapabilities } from '../catalog/catalog.types';
import type { ConverseRequest } from '../engine/converse.types';
import { checkContent } from './content.rules';
import { checkConversation } from './conversation.rules';
import { checkInference, effectiveMaxTokens } from './inference.rules';
import { checkOutputConfig } from './output-config.rules';
import { readThinkingConfig, type ThinkingConfig } from './thinking.config';
import { checkThinking } from './thinking.rules';
import { checkTools } from './tool.rules';

/** What the rules settled for generation. */
export interface TurnSettings {
  maxTokens: number;
  thinking?: ThinkingConfig;
}

/**
 * Bedrock's semantic rules for a Converse-shaped request, in the order Bedrock applies them: its own
 * conversation and content checks first, then what the model itself rejects.
 */
export function checkConverseRequest(
  model: CatalogModel,
  chat: ChatCapabilities,
  request: ConverseRequest,
  stream: boolean,
): TurnSettings {
  checkConversation(request);
  checkContent(chat, request, model.inputModalities.includes('VIDEO'));
  checkTools(chat, request, stream);
  checkOutputConfig(chat, request);
  checkInference(model, chat, request);
  const maxTokens = effectiveMaxTokens(chat, request);
  const thinking =
    chat.reasoning === 'thinking' ? readThinkingConfig(request.additionalModelRequestFields) : undefined;
  if (thinking) checkThinking(thinking, request, maxTokens);
  return { maxTokens, thinking };
}
