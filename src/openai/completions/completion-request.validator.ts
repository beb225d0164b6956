import { invalidRequest } from '../../common/errors/api-error';
import {
  isObject,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requireArray,
  requireString,
  wrongType,
} from '../../common/validation/checks';
import type { CompletionRequest } from './completion.types';

/** OpenAI's limits: up to 4 stop sequences, n up to 128. */
const MAX_STOP = 4;
const MAX_N = 128;

const unsupported = (param: string, why: string) =>
  invalidRequest(`'${param}' is not supported by this gateway: ${why}`, param, 'unsupported_parameter');

function validatePrompt(prompt: unknown): void {
  if (typeof prompt === 'string') return;
  const items = requireArray(prompt, 'prompt', { minLength: 1 });
  items.forEach((p, i) => {
    if (typeof p === 'number' || Array.isArray(p)) {
      throw invalidRequest(
        "Invalid 'prompt': token arrays are not supported; Bedrock models take text (send the prompt as a string).",
        'prompt',
        'unsupported_value',
      );
    }
    requireString(p, `prompt[${i}]`);
  });
}

function validateStop(stop: unknown): void {
  if (stop === undefined || stop === null || typeof stop === 'string') return;
  const items = requireArray(stop, 'stop', { maxLength: MAX_STOP });
  items.forEach((s, i) => requireString(s, `stop[${i}]`));
}

/** Validates a legacy completions body in place and returns it typed; unknown fields are left alone. */
export function validateCompletionRequest(body: unknown): CompletionRequest {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  requireString(body.model, 'model', { nonEmpty: true });
  validatePrompt(body.prompt);
  optionalNumber(body.max_tokens, 'max_tokens', { min: 1, integer: true });
  optionalNumber(body.temperature, 'temperature', { min: 0, max: 2 });
  optionalNumber(body.top_p, 'top_p', { min: 0, max: 1 });
  validateStop(body.stop);
  optionalBoolean(body.stream, 'stream');
  if (body.stream_options !== undefined && body.stream_options !== null) {
    if (!isObject(body.stream_options)) throw wrongType('stream_options', 'an object', body.stream_options);
    optionalBoolean(body.stream_options.include_usage, 'stream_options.include_usage');
  }
  optionalNumber(body.n, 'n', { min: 1, max: MAX_N, integer: true });
  optionalString(body.suffix, 'suffix');
  optionalBoolean(body.echo, 'echo');
  optionalString(body.user, 'user');
  if (body.logprobs !== undefined && body.logprobs !== null) {
    throw unsupported('logprobs', 'Bedrock does not return token log probabilities.');
  }
  const bestOf = optionalNumber(body.best_of, 'best_of', { min: 1, integer: true });
  if (bestOf !== undefined && bestOf > 1) {
    throw unsupported('best_of', 'Bedrock does not score candidate completions; use n instead.');
  }
  return body as unknown as CompletionRequest;
}
