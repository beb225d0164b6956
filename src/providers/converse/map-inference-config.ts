import type { InferenceConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../common/errors/api-error';
import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';
import type { MappingContext } from './request-context';

/**
 * max_tokens / temperature / top_p / stop → Converse `inferenceConfig`.
 *
 * Bedrock's temperature range is 0–1 (InferenceConfiguration.temperature), OpenAI's 0–2; rescaling would
 * change what the client asked for, so a value above 1 is a 400 rather than a silent change.
 *
 * Models that reject temperature and top_p together (Claude Sonnet 4.5 family, wire doc §9) keep temperature
 * and lose top_p: temperature is the knob Anthropic recommends tuning, and many clients send top_p only as a
 * default (often its no-op value 1).
 */
export function mapInferenceConfig(
  req: ChatCompletionRequest,
  ctx: MappingContext,
): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {};
  const maxTokens = req.max_completion_tokens ?? req.max_tokens ?? ctx.settings.defaultMaxTokens;
  if (maxTokens != null) config.maxTokens = maxTokens;

  const temperature = req.temperature ?? undefined;
  let topP = req.top_p ?? undefined;
  if (temperature !== undefined && temperature > 1) {
    throw invalidRequest(
      `Invalid 'temperature': Bedrock models accept values from 0 to 1, but got ${temperature}.`,
      'temperature',
      'decimal_above_max_value',
    );
  }
  if (temperature !== undefined && topP !== undefined && ctx.model.profile.chat.temperatureTopPExclusive) {
    topP = undefined;
  }
  if (temperature !== undefined) config.temperature = temperature;
  if (topP !== undefined) config.topP = topP;

  const stops = typeof req.stop === 'string' ? [req.stop] : (req.stop ?? []);
  const stopSequences = stops.filter((s) => s.length > 0);
  if (stopSequences.length > 0) config.stopSequences = stopSequences;
  return Object.keys(config).length > 0 ? config : undefined;
}
