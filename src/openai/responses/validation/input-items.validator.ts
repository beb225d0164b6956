import { invalidRequest } from '../../../common/errors/api-error';
import {
  invalidValue,
  optionalString,
  requireArray,
  requireObject,
  requireString,
  wrongType,
} from '../../../common/validation/checks';

const ROLES = ['user', 'assistant', 'system', 'developer'] as const;
const ITEM_TYPES = ['message', 'function_call', 'function_call_output', 'reasoning'] as const;
const USER_PARTS = ['input_text', 'input_image', 'input_file'] as const;
const ASSISTANT_PARTS = ['output_text', 'refusal', 'input_text'] as const;

function validatePart(part: unknown, param: string, allowed: readonly string[]): void {
  const p = requireObject(part, param);
  if (typeof p.type !== 'string' || !allowed.includes(p.type))
    throw invalidValue(`${param}.type`, p.type, allowed);
  switch (p.type) {
    case 'input_text':
    case 'output_text':
      requireString(p.text, `${param}.text`);
      return;
    case 'refusal':
      requireString(p.refusal, `${param}.refusal`);
      return;
    case 'input_image':
      optionalString(p.image_url, `${param}.image_url`);
      optionalString(p.file_id, `${param}.file_id`);
      if (typeof p.image_url !== 'string') {
        // Files uploaded to OpenAI cannot be reached from here; only URLs and data URLs can.
        throw invalidRequest(
          `'${param}' needs an 'image_url' (an http(s) or data URL): file ids are not supported by this gateway.`,
          `${param}.image_url`,
          p.file_id ? 'unsupported_file_id' : 'missing_required_parameter',
        );
      }
      return;
    case 'input_file':
      optionalString(p.filename, `${param}.filename`);
      optionalString(p.file_data, `${param}.file_data`);
      if (typeof p.file_data !== 'string') {
        throw invalidRequest(
          `'${param}' needs 'file_data' (a base64 data URL): file ids and file URLs are not supported by this gateway.`,
          `${param}.file_data`,
          p.file_id || p.file_url ? 'unsupported_file_id' : 'missing_required_parameter',
        );
      }
      return;
  }
}

function validateMessage(item: Record<string, unknown>, param: string): void {
  if (typeof item.role !== 'string' || !(ROLES as readonly string[]).includes(item.role)) {
    throw item.role === undefined
      ? invalidRequest(
          `Missing required parameter: '${param}.role'.`,
          `${param}.role`,
          'missing_required_parameter',
        )
      : invalidValue(`${param}.role`, item.role, ROLES);
  }
  if (typeof item.content === 'string') return;
  const parts = requireArray(item.content, `${param}.content`);
  const allowed = item.role === 'assistant' ? ASSISTANT_PARTS : USER_PARTS;
  for (let j = 0; j < parts.length; j++) validatePart(parts[j], `${param}.content[${j}]`, allowed);
}

function validateFunctionCallOutput(item: Record<string, unknown>, param: string): void {
  requireString(item.call_id, `${param}.call_id`, { nonEmpty: true });
  if (typeof item.output === 'string') return;
  if (!Array.isArray(item.output)) throw wrongType(`${param}.output`, 'a string or an array', item.output);
  for (let j = 0; j < item.output.length; j++)
    validatePart(item.output[j], `${param}.output[${j}]`, USER_PARTS);
}

function validateReasoning(item: Record<string, unknown>, param: string): void {
  const summary = requireArray(item.summary ?? [], `${param}.summary`);
  summary.forEach((s, j) =>
    requireString(requireObject(s, `${param}.summary[${j}]`).text, `${param}.summary[${j}].text`),
  );
  optionalString(item.encrypted_content, `${param}.encrypted_content`);
}

/** Validates one input item in place; `param` names it (`input[3]`). */
export function validateInputItem(value: unknown, param: string): void {
  const item = requireObject(value, param);
  // Messages may omit `type` (EasyInputMessage); everything else names its type.
  const type = item.type ?? (item.role !== undefined ? 'message' : undefined);
  if (type === 'item_reference') {
    throw invalidRequest(
      `'${param}': item references are not supported; send the item itself or use 'previous_response_id'.`,
      `${param}.type`,
      'unsupported_value',
    );
  }
  if (typeof type !== 'string' || !(ITEM_TYPES as readonly string[]).includes(type))
    throw invalidValue(`${param}.type`, item.type, ITEM_TYPES);
  optionalString(item.id, `${param}.id`);
  switch (type) {
    case 'message':
      return validateMessage(item, param);
    case 'function_call':
      requireString(item.call_id, `${param}.call_id`, { nonEmpty: true });
      requireString(item.name, `${param}.name`, { nonEmpty: true });
      optionalString(item.namespace, `${param}.namespace`);
      requireString(item.arguments, `${param}.arguments`);
      return;
    case 'function_call_output':
      return validateFunctionCallOutput(item, param);
    case 'reasoning':
      return validateReasoning(item, param);
  }
}

export function validateInput(value: unknown): void {
  if (value === undefined || value === null || typeof value === 'string') return;
  if (!Array.isArray(value)) throw wrongType('input', 'a string or an array of input items', value);
  for (let i = 0; i < value.length; i++) validateInputItem(value[i], `input[${i}]`);
}
