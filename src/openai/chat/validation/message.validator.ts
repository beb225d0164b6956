import { requireToolName } from '../../../common/validation/tool-name';
import { invalidRequest } from '../../../common/errors/api-error';
import {
  invalidValue,
  isObject,
  missing,
  Json,
  optionalString,
  requireArray,
  requireObject,
  requireString,
  wrongType,
} from '../../../common/validation/checks';
import type { ChatMessage } from '../chat-request.types';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
const USER_PARTS = ['text', 'image_url', 'file'] as const;
const CONTENT_TYPES = 'a string or an array of content parts';

function checkCacheControl(part: Json, param: string): void {
  const cc = part.cache_control;
  if (cc === undefined || cc === null) return;
  const obj = requireObject(cc, `${param}.cache_control`);
  if (obj.type !== 'ephemeral') throw invalidValue(`${param}.cache_control.type`, obj.type, ['ephemeral']);
  if (obj.ttl !== undefined && obj.ttl !== '5m' && obj.ttl !== '1h') {
    throw invalidValue(`${param}.cache_control.ttl`, obj.ttl, ['5m', '1h']);
  }
}

/** Checks one content part; `allowed` is the part types this role may carry. */
function checkPart(part: unknown, param: string, allowed: readonly string[]): void {
  const p = requireObject(part, param);
  const type = p.type;
  if (typeof type !== 'string')
    throw type === undefined ? missing(`${param}.type`) : wrongType(`${param}.type`, 'a string', type);
  if (type === 'input_audio') {
    throw invalidRequest(
      `Audio input is not supported by Bedrock chat models ('${param}').`,
      param,
      'unsupported_content',
    );
  }
  if (!allowed.includes(type)) throw invalidValue(`${param}.type`, type, allowed);
  switch (type) {
    case 'text':
      requireString(p.text, `${param}.text`);
      break;
    case 'refusal':
      requireString(p.refusal, `${param}.refusal`);
      break;
    case 'image_url': {
      const image = requireObject(p.image_url, `${param}.image_url`);
      requireString(image.url, `${param}.image_url.url`, { nonEmpty: true });
      break;
    }
    case 'file': {
      const file = requireObject(p.file, `${param}.file`);
      optionalString(file.file_data, `${param}.file.file_data`);
      optionalString(file.filename, `${param}.file.filename`);
      if (file.file_id !== undefined) {
        throw invalidRequest(
          `Uploaded file references ('${param}.file.file_id') are not supported; send the file inline as file_data.`,
          `${param}.file.file_id`,
          'unsupported_content',
        );
      }
      if (file.file_data === undefined) throw missing(`${param}.file.file_data`);
      break;
    }
  }
  checkCacheControl(p, param);
}

function checkContent(
  content: unknown,
  param: string,
  allowed: readonly string[],
  { optional = false } = {},
): void {
  if (content === undefined || content === null) {
    if (optional) return;
    throw missing(param);
  }
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) throw wrongType(param, CONTENT_TYPES, content);
  for (let i = 0; i < content.length; i++) checkPart(content[i], `${param}[${i}]`, allowed);
}

function checkToolCalls(value: unknown, param: string): void {
  const calls = requireArray(value, param);
  for (let i = 0; i < calls.length; i++) {
    const call = requireObject(calls[i], `${param}[${i}]`);
    requireString(call.id, `${param}[${i}].id`, { nonEmpty: true });
    if (call.type !== undefined && call.type !== 'function')
      throw invalidValue(`${param}[${i}].type`, call.type, ['function']);
    const fn = requireObject(call.function, `${param}[${i}].function`);
    // A call in the history names a tool the client defined, so it follows the same pattern (Bedrock refuses others).
    requireToolName(fn.name, `${param}[${i}].function.name`);
    requireString(fn.arguments, `${param}[${i}].function.arguments`);
  }
}

function checkReasoningDetails(value: unknown, param: string): void {
  const list = requireArray(value, param);
  for (let i = 0; i < list.length; i++) {
    const d = requireObject(list[i], `${param}[${i}]`);
    optionalString(d.text, `${param}[${i}].text`);
    optionalString(d.signature, `${param}[${i}].signature`);
    optionalString(d.data, `${param}[${i}].data`);
  }
}

/** Validates one message in place and returns it typed. */
export function validateMessage(value: unknown, i: number): ChatMessage {
  const param = `messages[${i}]`;
  if (!isObject(value)) throw wrongType(param, 'an object', value);
  const role = value.role;
  if (role === undefined) throw missing(`${param}.role`);
  if (role === 'function') {
    throw invalidRequest(
      `The 'function' role is deprecated and not supported; use 'tool' messages ('${param}').`,
      `${param}.role`,
      'invalid_value',
    );
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
    throw invalidValue(`${param}.role`, role, ROLES);
  optionalString(value.name, `${param}.name`);
  switch (role) {
    case 'system':
    case 'developer':
      checkContent(value.content, `${param}.content`, ['text']);
      break;
    case 'user':
      checkContent(value.content, `${param}.content`, USER_PARTS);
      break;
    case 'tool':
      checkContent(value.content, `${param}.content`, ['text']);
      requireString(value.tool_call_id, `${param}.tool_call_id`, { nonEmpty: true });
      break;
    case 'assistant': {
      const hasCalls = value.tool_calls !== undefined && value.tool_calls !== null;
      checkContent(value.content, `${param}.content`, ['text', 'refusal'], { optional: true });
      if (hasCalls) checkToolCalls(value.tool_calls, `${param}.tool_calls`);
      optionalString(value.reasoning_content, `${param}.reasoning_content`);
      if (value.reasoning_details !== undefined && value.reasoning_details !== null) {
        checkReasoningDetails(value.reasoning_details, `${param}.reasoning_details`);
      }
      break;
    }
  }
  return value as unknown as ChatMessage;
}
