import type { CatalogModel, ChatCapabilities } from '../catalog/catalog.types';
import type { ConverseRequest } from '../engine/converse.types';
import { modelValidationError, validationError } from '../engine/engine.errors';

// Sources in emulator/docs/engine.md.
export const TEMPERATURE_AND_TOP_P =
  '`temperature` and `top_p` cannot both be specified for this model. Please use only one.';

export function maxTokensTooHigh(limit: number): string {
  return `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`;
}

export function extraneousKeys(keys: string[]): string {
  const found = keys.map((k) => `#: extraneous key [${k}] is not permitted`).join('');
  return `Malformed input request: ${found}, please reformat your input and try again.`;
}

// Claude Messages fields that Converse does not map itself, so callers may pass them through
// additionalModelRequestFields; thinking fields only where the model can think.
const CLAUDE_PASSTHROUGH = ['top_k', 'anthropic_beta', 'metadata', 'output_config'];
const CLAUDE_THINKING = ['thinking', 'reasoning_config'];

function checkClaudeFields(chat: ChatCapabilities, fields: unknown): void {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return;
  const allowed =
    chat.reasoning === 'thinking' ? [...CLAUDE_PASSTHROUGH, ...CLAUDE_THINKING] : CLAUDE_PASSTHROUGH;
  const unknown = Object.keys(fields).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw modelValidationError(extraneousKeys(unknown));
}

/** The output budget the model works with: the request's maxTokens, else the model's maximum. */
export function effectiveMaxTokens(chat: ChatCapabilities, request: ConverseRequest): number {
  return request.inferenceConfig?.maxTokens ?? chat.maxOutputTokens;
}

/** Inference-parameter rules: model output limit, Claude's temperature/top_p exclusivity, Claude field passthrough. */
export function checkInference(model: CatalogModel, chat: ChatCapabilities, request: ConverseRequest): void {
  const inference = request.inferenceConfig ?? {};
  if (inference.maxTokens !== undefined && inference.maxTokens > chat.maxOutputTokens) {
    throw validationError(maxTokensTooHigh(chat.maxOutputTokens));
  }
  if (chat.temperatureTopPExclusive && inference.temperature !== undefined && inference.topP !== undefined) {
    throw modelValidationError(TEMPERATURE_AND_TOP_P);
  }
  if (model.family === 'claude') checkClaudeFields(chat, request.additionalModelRequestFields);
}
