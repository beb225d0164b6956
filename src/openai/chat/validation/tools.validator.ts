import { invalidRequest } from '../../../common/errors/api-error';
import {
  invalidValue,
  isObject,
  optionalBoolean,
  optionalString,
  requireArray,
  requireObject,
  requireString,
  wrongType,
} from '../../../common/validation/checks';

/** Bedrock's tool-name rule (ToolSpecification.name: [a-zA-Z0-9_-]{1,64}); OpenAI's is the same. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function validateTools(value: unknown): void {
  const tools = requireArray(value, 'tools');
  const names = new Set<string>();
  for (let i = 0; i < tools.length; i++) {
    const tool = requireObject(tools[i], `tools[${i}]`);
    if (tool.type !== 'function') throw invalidValue(`tools[${i}].type`, tool.type, ['function']);
    const fn = requireObject(tool.function, `tools[${i}].function`);
    const name = requireString(fn.name, `tools[${i}].function.name`, { nonEmpty: true });
    if (!TOOL_NAME.test(name)) {
      throw invalidRequest(
        `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.`,
        `tools[${i}].function.name`,
        'invalid_value',
      );
    }
    if (names.has(name))
      throw invalidRequest(
        `Duplicate tool name '${name}' in 'tools'.`,
        `tools[${i}].function.name`,
        'invalid_value',
      );
    names.add(name);
    optionalString(fn.description, `tools[${i}].function.description`);
    if (fn.parameters !== undefined && fn.parameters !== null && !isObject(fn.parameters)) {
      throw wrongType(`tools[${i}].function.parameters`, 'an object (a JSON Schema)', fn.parameters);
    }
    optionalBoolean(fn.strict, `tools[${i}].function.strict`);
  }
}

export function validateToolChoice(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    if (!['auto', 'none', 'required'].includes(value))
      throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
    return;
  }
  const choice = requireObject(value, 'tool_choice');
  if (choice.type !== 'function') throw invalidValue('tool_choice.type', choice.type, ['function']);
  const fn = requireObject(choice.function, 'tool_choice.function');
  requireString(fn.name, 'tool_choice.function.name', { nonEmpty: true });
}

export function validateResponseFormat(value: unknown): void {
  if (value === undefined || value === null) return;
  const format = requireObject(value, 'response_format');
  if (format.type === 'text' || format.type === 'json_object') return;
  if (format.type !== 'json_schema')
    throw invalidValue('response_format.type', format.type, ['text', 'json_object', 'json_schema']);
  const spec = requireObject(format.json_schema, 'response_format.json_schema');
  requireString(spec.name, 'response_format.json_schema.name', { nonEmpty: true });
  optionalString(spec.description, 'response_format.json_schema.description');
  if (spec.schema !== undefined && !isObject(spec.schema)) {
    throw wrongType('response_format.json_schema.schema', 'an object (a JSON Schema)', spec.schema);
  }
  optionalBoolean(spec.strict, 'response_format.json_schema.strict');
}
