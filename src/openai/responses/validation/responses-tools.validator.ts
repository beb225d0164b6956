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
import { requireToolName } from '../../../common/validation/tool-name';

function validateFunction(tool: Record<string, unknown>, param: string): void {
  requireToolName(tool.name, `${param}.name`);
  optionalString(tool.description, `${param}.description`);
  if (tool.parameters !== undefined && tool.parameters !== null && !isObject(tool.parameters)) {
    throw wrongType(`${param}.parameters`, 'an object (a JSON Schema)', tool.parameters);
  }
  optionalBoolean(tool.strict, `${param}.strict`);
}

/** A tool type as OpenAI names them (`function`, `web_search_preview`, `local_shell`, …). */
const TOOL_TYPE = /^[a-z][a-z0-9_]{0,63}$/;

/** `tools`: functions, namespaces of functions, and server tools (any other type, dropped by the mapper). */
export function validateTools(value: unknown): void {
  if (value === undefined || value === null) return;
  const tools = requireArray(value, 'tools');
  for (let i = 0; i < tools.length; i++) {
    const tool = requireObject(tools[i], `tools[${i}]`);
    const param = `tools[${i}]`;
    if (typeof tool.type !== 'string') throw wrongType(`${param}.type`, 'a string', tool.type);
    // Server tool types the gateway drops may be newer than it (Codex adds them), but each is a plain name:
    // anything else is a client's mistake, and would not fit in the header that lists the dropped tools.
    if (!TOOL_TYPE.test(tool.type)) {
      throw invalidRequest(
        `Invalid 'tools[${i}].type': ${JSON.stringify(tool.type.slice(0, 64))} is not a tool type.`,
        `${param}.type`,
        'invalid_value',
      );
    }
    if (tool.type === 'function') validateFunction(tool, param);
    else if (tool.type === 'namespace') {
      requireString(tool.name, `${param}.name`, { nonEmpty: true });
      optionalString(tool.description, `${param}.description`);
      const inner = requireArray(tool.tools, `${param}.tools`, { minLength: 1 });
      for (let j = 0; j < inner.length; j++) {
        const t = requireObject(inner[j], `${param}.tools[${j}]`);
        if (t.type !== 'function') throw invalidValue(`${param}.tools[${j}].type`, t.type, ['function']);
        validateFunction(t, `${param}.tools[${j}]`);
      }
    }
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
  if (choice.type !== 'function') {
    throw invalidRequest(
      `Unsupported 'tool_choice.type' ${JSON.stringify(choice.type)}: this gateway forces functions only ('function').`,
      'tool_choice.type',
      'unsupported_value',
    );
  }
  requireString(choice.name, 'tool_choice.name', { nonEmpty: true });
  optionalString(choice.namespace, 'tool_choice.namespace');
}

export function validateTextFormat(value: unknown): void {
  if (value === undefined || value === null) return;
  const text = requireObject(value, 'text');
  if (text.format === undefined || text.format === null) return;
  const format = requireObject(text.format, 'text.format');
  if (format.type === 'text' || format.type === 'json_object') return;
  if (format.type !== 'json_schema')
    throw invalidValue('text.format.type', format.type, ['text', 'json_object', 'json_schema']);
  requireString(format.name, 'text.format.name', { nonEmpty: true });
  optionalString(format.description, 'text.format.description');
  requireObject(format.schema, 'text.format.schema');
  optionalBoolean(format.strict, 'text.format.strict');
}
