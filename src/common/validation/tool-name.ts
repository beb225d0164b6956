import { invalidRequest } from '../errors/api-error';
import { requireString } from './checks';

/** Bedrock's tool-name rule (ToolSpecification.name: [a-zA-Z0-9_-]{1,64}); OpenAI's is the same. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** A function tool's name, required and matching the pattern both OpenAI and Bedrock enforce. */
export function requireToolName(value: unknown, param: string): string {
  const name = requireString(value, param, { nonEmpty: true });
  if (!TOOL_NAME.test(name)) {
    throw invalidRequest(
      `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'.`,
      param,
      'invalid_value',
    );
  }
  return name;
}
