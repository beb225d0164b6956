import type { InferenceConfiguration } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import type { InferenceRequest } from '../../inference/inference-request';
import type { RequestSettings } from './request-settings';

/**
 * The request's sampling settings → Converse `inferenceConfig`, within what the model accepts.
 *
 * Models that reject temperature and top_p together (Claude Sonnet 4.5 family, docs/bedrock-protocol.md,
 * "Claude on Converse") keep temperature and lose top_p: temperature is the knob Anthropic recommends
 * tuning, and many clients send top_p only as a default (often its no-op value 1).
 */
export function mapInferenceConfig(
  req: InferenceRequest,
  model: ResolvedModel,
  settings: RequestSettings,
): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {};
  const p = req.inference;
  const maxTokens = p.maxTokens ?? settings.defaultMaxTokens;
  if (maxTokens != null) config.maxTokens = maxTokens;
  let topP = p.topP;
  if (p.temperature !== undefined && topP !== undefined && model.profile.chat.temperatureTopPExclusive) {
    topP = undefined;
  }
  if (p.temperature !== undefined) config.temperature = p.temperature;
  if (topP !== undefined) config.topP = topP;
  const stopSequences = (p.stopSequences ?? []).filter((s) => s.length > 0);
  if (stopSequences.length > 0) config.stopSequences = stopSequences;
  return Object.keys(config).length > 0 ? config : undefined;
}
