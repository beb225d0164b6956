import { invalidRequest } from '../common/errors/api-error';

/**
 * An OpenAI `temperature` (0–2) as Bedrock takes it (0–1, InferenceConfiguration.temperature and every
 * family's native body): a value above 1 is a 400 rather than silently rescaled, which would change what the
 * client asked for. The same rule on chat completions, completions and responses.
 */
export function bedrockTemperature(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value > 1) {
    throw invalidRequest(
      `Invalid 'temperature': Bedrock models accept values from 0 to 1, but got ${value}.`,
      'temperature',
      'decimal_above_max_value',
    );
  }
  return value;
}
