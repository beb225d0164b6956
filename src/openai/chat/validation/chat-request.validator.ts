import { invalidRequest } from '../../../common/errors/api-error';
import {
  isObject,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  requireArray,
  requireString,
  wrongType,
} from '../../../common/validation/checks';
import type { ChatCompletionRequest } from '../chat-request.types';
import { validateMessage } from './message.validator';
import { validateResponseFormat, validateToolChoice, validateTools } from './tools.validator';

const EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;
export const MAX_CHOICES = 8;
const SERVICE_TIERS = ['auto', 'default', 'flex', 'priority'] as const;

function validateStop(value: unknown): void {
  if (value === undefined || value === null || typeof value === 'string') return;
  if (!Array.isArray(value)) throw wrongType('stop', 'a string or an array of strings', value);
  value.forEach((s, i) => {
    if (typeof s !== 'string') throw wrongType(`stop[${i}]`, 'a string', s);
  });
}

function validateMetadata(value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) throw wrongType('metadata', 'an object', value);
  const entries = Object.entries(value);
  if (entries.length > 16)
    throw invalidRequest(
      "Invalid 'metadata': at most 16 key-value pairs are allowed.",
      'metadata',
      'invalid_value',
    );
  for (const [k, v] of entries) if (typeof v !== 'string') throw wrongType(`metadata.${k}`, 'a string', v);
}

/** OpenAI parameters Bedrock has no use for: still type-checked, so a malformed request is not silently accepted. */
function validateIgnored(body: Record<string, unknown>): void {
  optionalNumber(body.frequency_penalty, 'frequency_penalty', { min: -2, max: 2 });
  optionalNumber(body.presence_penalty, 'presence_penalty', { min: -2, max: 2 });
  optionalNumber(body.seed, 'seed', { integer: true });
  optionalBoolean(body.logprobs, 'logprobs');
  optionalNumber(body.top_logprobs, 'top_logprobs', { min: 0, max: 20, integer: true });
  optionalBoolean(body.store, 'store');
  if (body.logit_bias !== undefined && body.logit_bias !== null && !isObject(body.logit_bias)) {
    throw wrongType('logit_bias', 'an object', body.logit_bias);
  }
}

/**
 * Validates a chat-completions body in place and returns it typed. Unknown fields are left alone (OpenAI adds
 * fields often; clients send them); known fields with wrong types or values get a 400 naming the field.
 */
export function validateChatRequest(body: unknown): ChatCompletionRequest {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  requireString(body.model, 'model', { nonEmpty: true });
  const messages = requireArray(body.messages, 'messages', { minLength: 1 });
  for (let i = 0; i < messages.length; i++) validateMessage(messages[i], i);

  optionalNumber(body.max_tokens, 'max_tokens', { min: 1, integer: true });
  optionalNumber(body.max_completion_tokens, 'max_completion_tokens', { min: 1, integer: true });
  optionalNumber(body.temperature, 'temperature', { min: 0, max: 2 });
  optionalNumber(body.top_p, 'top_p', { min: 0, max: 1 });
  // Each choice is one Bedrock call; the cap keeps one request from fanning out into a bill.
  optionalNumber(body.n, 'n', { min: 1, max: MAX_CHOICES, integer: true });
  validateStop(body.stop);
  const stream = optionalBoolean(body.stream, 'stream');
  if (body.stream_options !== undefined && body.stream_options !== null) {
    if (!stream) {
      throw invalidRequest(
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        'stream_options',
        'invalid_value',
      );
    }
    if (!isObject(body.stream_options)) throw wrongType('stream_options', 'an object', body.stream_options);
    optionalBoolean(body.stream_options.include_usage, 'stream_options.include_usage');
  }
  optionalString(body.user, 'user');
  validateMetadata(body.metadata);
  if (body.tools !== undefined && body.tools !== null) validateTools(body.tools);
  validateToolChoice(body.tool_choice);
  optionalBoolean(body.parallel_tool_calls, 'parallel_tool_calls');
  validateResponseFormat(body.response_format);
  optionalEnum(body.reasoning_effort, 'reasoning_effort', EFFORTS);
  optionalEnum(body.service_tier, 'service_tier', SERVICE_TIERS);
  validateIgnored(body);
  return body as unknown as ChatCompletionRequest;
}
