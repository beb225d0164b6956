import { resolveModelRef } from '../catalog/catalog';
import { nativeChatAdapter } from '../generation/native/native.registry';
import { promptItems, sumTokens } from '../generation/tokens';
import { checkConversation } from '../validation/conversation.rules';
import { INVALID_MODEL_ID } from '../validation/model-access.rules';
import { checkNativeBody, parseNativeJson } from '../validation/native-schema';
import { validateShape } from '../validation/shape.validator';
import type { ConverseRequest } from './converse.types';
import { validationError } from './engine.errors';
import type { EngineResult, RuntimeRequest } from './engine.types';
import { parseJsonBody } from './json.body';
import { signingRegion } from './request.region';

// Real message for an inference-profile id (docs/bedrock-protocol.md §12, agentgateway/agentgateway#3254).
export const CANNOT_COUNT_TOKENS = "The provided model doesn't support counting tokens.";

const COUNTING_FAMILIES = new Set(['claude']);

interface CountTokensInput {
  converse?: ConverseRequest;
  invokeModel?: { body: string };
}

/**
 * CountTokens: the same token arithmetic as Converse (emulator/docs/engine.md), so its count equals
 * Converse's inputTokens + cacheReadInputTokens + cacheWriteInputTokens for the same prompt.
 */
export function handleCountTokens(req: RuntimeRequest): EngineResult {
  const body = parseJsonBody(req.body);
  validateShape('CountTokens', body, req.modelId);
  const ref = resolveModelRef(req.modelId, signingRegion(req.headers));
  if (ref.kind === 'unknown') throw validationError(INVALID_MODEL_ID);
  // Bedrock counts tokens for Anthropic's Claude models only (Nova, Llama, Mistral, … are refused).
  if (ref.kind === 'profile' || !ref.model.chat || !COUNTING_FAMILIES.has(ref.model.family)) {
    throw validationError(CANNOT_COUNT_TOKENS);
  }

  const input = body.input as CountTokensInput;
  let request: ConverseRequest;
  if (input.converse) {
    request = input.converse;
    checkConversation(request);
  } else {
    const native = parseNativeJson(Buffer.from(input.invokeModel!.body, 'base64'));
    const adapter = nativeChatAdapter(ref.model, native);
    if (!adapter) throw validationError(CANNOT_COUNT_TOKENS);
    checkNativeBody(native, adapter.spec);
    request = adapter.turn(native, ref.model).request;
  }
  return { kind: 'json', body: { inputTokens: sumTokens(promptItems(request)) } };
}
