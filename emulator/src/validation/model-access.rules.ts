import { resolveModelRef } from '../catalog/catalog';
import type { CatalogModel } from '../catalog/catalog.types';
import { resourceNotFound, validationError } from '../engine/engine.errors';

// Real Bedrock messages (docs/bedrock-protocol.md §2.1, §6.3).
export const INVALID_MODEL_ID = 'The provided model identifier is invalid.';
export const LEGACY_MODEL =
  'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock';
export const NOT_A_CHAT_MODEL =
  "This action doesn't support the model that you provided. Try again with a supported text or chat model.";
export const UNSUPPORTED_FOR_STREAMING = 'The model is unsupported for streaming.';

export function onDemandUnsupported(modelId: string): string {
  return `Invocation of model ID ${modelId} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;
}

export interface ResolvedModel {
  model: CatalogModel;
  viaProfile: boolean;
}

/**
 * Resolves a runtime `modelId` for the caller's signing region and applies the checks every runtime
 * operation shares: unknown ids (including profiles of another geography), LEGACY models, and
 * profile-only models called by their bare id or model ARN.
 */
export function resolveRuntimeModel(modelId: string, region: string): ResolvedModel {
  const ref = resolveModelRef(modelId, region);
  if (ref.kind === 'unknown') throw validationError(INVALID_MODEL_ID);
  const { model } = ref;
  if (model.lifecycle === 'LEGACY') throw resourceNotFound(LEGACY_MODEL);
  if (ref.kind === 'foundation-model' && !model.inferenceTypes.includes('ON_DEMAND')) {
    throw validationError(onDemandUnsupported(model.modelId));
  }
  return { model, viaProfile: ref.kind === 'profile' };
}

/** Converse and ConverseStream only serve text/chat models. */
export function requireChatModel(model: CatalogModel, stream: boolean): NonNullable<CatalogModel['chat']> {
  if (!model.chat) throw validationError(NOT_A_CHAT_MODEL);
  if (stream && !model.streaming) throw validationError(UNSUPPORTED_FOR_STREAMING);
  return model.chat;
}
