import type { CatalogModel, ChatCapabilities } from '../catalog/catalog.types';
import type { ConverseRequest } from '../engine/converse.types';
import { validationError } from '../engine/engine.errors';
import { checkContent } from './content.rules';
import { checkConversation } from './conversation.rules';
import { checkInference, effectiveMaxTokens } from './inference.rules';
import { checkOutputConfig } from './output-config.rules';
import { readThinkingConfig, type ThinkingConfig } from './thinking.config';
import { checkThinking } from './thinking.rules';
import { checkTools } from './tool.rules';

export function invalidFieldPath(k: number, path: string): string {
  return `The value at additionalModelResponseFieldPaths.${k} ('${path}') is not a valid JSON Pointer. Use a pointer such as /stop_sequence and try again.`;
}

/** RFC 6901: empty, or `/`-separated tokens in which `~` is only ever `~0` or `~1`. */
const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;

/**
 * Bedrock rejects an empty or malformed JSON Pointer in additionalModelResponseFieldPaths with a 400 (a
 * valid one naming a field the model does not return is ignored).
 */
function checkResponseFieldPaths(paths: string[] | undefined): void {
  paths?.forEach((path, k) => {
    if (!JSON_POINTER.test(path)) throw validationError(invalidFieldPath(k, path));
  });
}

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
  checkResponseFieldPaths(request.additionalModelResponseFieldPaths);
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
