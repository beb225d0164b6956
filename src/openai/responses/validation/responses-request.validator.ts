import { invalidRequest } from '../../../common/errors/api-error';
import {
  isObject,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  requireArray,
  requireObject,
  requireString,
} from '../../../common/validation/checks';
import { validateMetadata } from '../../../common/validation/metadata';
import type { ResponseCreateRequest } from '../dto/responses-request.types';
import { validateInput } from './input-items.validator';
import { validateTextFormat, validateToolChoice, validateTools } from './responses-tools.validator';

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
const SUMMARIES = ['auto', 'concise', 'detailed'] as const;
/** `include` values OpenAI defines; only the encrypted reasoning changes what this gateway answers. */
const INCLUDES = [
  'reasoning.encrypted_content',
  'message.output_text.logprobs',
  'message.input_image.image_url',
  'computer_call_output.output.image_url',
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'code_interpreter_call.outputs',
] as const;

function validateReasoning(value: unknown): void {
  if (value === undefined || value === null) return;
  const r = requireObject(value, 'reasoning');
  optionalEnum(r.effort, 'reasoning.effort', EFFORTS);
  optionalEnum(r.summary, 'reasoning.summary', SUMMARIES);
  optionalEnum(r.generate_summary, 'reasoning.generate_summary', SUMMARIES);
}

function validateInclude(value: unknown): void {
  if (value === undefined || value === null) return;
  const list = requireArray(value, 'include');
  list.forEach((v, i) => optionalEnum(v, `include[${i}]`, INCLUDES));
}

/**
 * Validates a Responses create body in place and returns it typed. Unknown fields are left alone (Codex and the
 * SDKs send `prompt_cache_key`, `client_metadata`, `safety_identifier`, …); known fields with wrong types or
 * values get a 400 naming the field, in OpenAI's envelope.
 */
export function validateResponsesRequest(body: unknown): ResponseCreateRequest {
  if (!isObject(body)) throw invalidRequest('The request body must be a JSON object.', null, 'invalid_body');
  requireString(body.model, 'model', { nonEmpty: true });
  validateInput(body.input);
  optionalString(body.instructions, 'instructions');
  optionalNumber(body.max_output_tokens, 'max_output_tokens', { min: 16, integer: true });
  optionalNumber(body.temperature, 'temperature', { min: 0, max: 2 });
  optionalNumber(body.top_p, 'top_p', { min: 0, max: 1 });
  validateTools(body.tools);
  validateToolChoice(body.tool_choice);
  optionalBoolean(body.parallel_tool_calls, 'parallel_tool_calls');
  validateReasoning(body.reasoning);
  validateTextFormat(body.text);
  optionalBoolean(body.stream, 'stream');
  optionalBoolean(body.store, 'store');
  optionalBoolean(body.background, 'background');
  if (body.background === true) {
    throw invalidRequest(
      "'background' responses are not supported by this gateway.",
      'background',
      'unsupported_value',
    );
  }
  optionalString(body.previous_response_id, 'previous_response_id');
  if (body.conversation !== undefined && body.conversation !== null) {
    throw invalidRequest(
      "'conversation' is not supported by this gateway; use 'previous_response_id'.",
      'conversation',
      'unsupported_value',
    );
  }
  validateInclude(body.include);
  validateMetadata(body.metadata);
  optionalString(body.user, 'user');
  optionalString(body.prompt_cache_key, 'prompt_cache_key');
  optionalNumber(body.max_tool_calls, 'max_tool_calls', { min: 1, integer: true });
  if (body.input === null) delete body.input; // null is "not given", as OpenAI reads it
  if (body.input === undefined && (body.previous_response_id ?? undefined) === undefined) {
    throw invalidRequest("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  }
  return body as unknown as ResponseCreateRequest;
}
