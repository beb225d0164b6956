import type { ConverseRequest, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../../common/errors/api-error';
import type { ChatCompletionRequest } from '../../../chat/dto/chat-request.types';
import type { JsonDocument, MappingContext } from '../request-context';
import { compileSchema } from './json-schema.compiler';
import type { StructuredOutputPlan } from './structured-output.plan';

const ANY_OBJECT = { type: 'object' };

function responseToolName(req: ChatCompletionRequest): string {
  const taken = new Set((req.tools ?? []).map((t) => t.function.name));
  let name = 'json_response';
  for (let i = 2; taken.has(name); i++) name = `json_response_${i}`;
  return name;
}

function schemaOf(
  req: ChatCompletionRequest,
): { schema: Record<string, unknown>; name: string; description?: string; strict: boolean } | undefined {
  const format = req.response_format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { schema: ANY_OBJECT, name: 'json_object', strict: true };
  const spec = format.json_schema;
  const schema = spec.schema ?? ANY_OBJECT;
  if (schema.type !== undefined && schema.type !== 'object') {
    throw invalidRequest(
      "Invalid 'response_format.json_schema.schema': the root must be an object schema.",
      'response_format.json_schema.schema',
      'invalid_json_schema',
    );
  }
  return { schema, name: spec.name, description: spec.description, strict: spec.strict === true };
}

/**
 * response_format → the Bedrock request changes that carry it out, and the plan for reading the answer.
 * Natively where the model offers structured output; otherwise by forcing one tool whose input schema is the
 * requested schema (beside the client's own tools, if any, with `any` so the model must call one); otherwise
 * as an instruction. Returns undefined for plain text.
 */
export function applyResponseFormat(
  request: ConverseRequest,
  req: ChatCompletionRequest,
  ctx: MappingContext,
): StructuredOutputPlan | undefined {
  const spec = schemaOf(req);
  if (!spec) return undefined;
  const validate = compileSchema(spec.schema, 'response_format.json_schema.schema');
  const caps = ctx.model.profile.chat;
  if (caps.structuredOutput) {
    request.outputConfig = {
      textFormat: {
        type: 'json_schema',
        structure: {
          jsonSchema: {
            schema: JSON.stringify(spec.schema),
            name: spec.name,
            ...(spec.description ? { description: spec.description } : {}),
          },
        },
      },
    };
    return { via: 'native', validate, strict: spec.strict };
  }
  const clientTools = request.toolConfig?.tools ?? [];
  const forcing =
    clientTools.length === 0
      ? caps.toolChoice.includes('tool')
        ? 'tool'
        : caps.toolChoice.includes('any')
          ? 'any'
          : undefined
      : caps.toolChoice.includes('any')
        ? 'any'
        : undefined;
  if (caps.toolUse && forcing) {
    const toolName = responseToolName(req);
    const tool: Tool = {
      toolSpec: {
        name: toolName,
        description: spec.description ?? `Give the answer as ${spec.name}, matching this schema.`,
        inputSchema: { json: spec.schema as JsonDocument },
      },
    };
    request.toolConfig = {
      tools: [...clientTools, tool],
      toolChoice: forcing === 'tool' ? { tool: { name: toolName } } : { any: {} },
    };
    return { via: 'tool', toolName, validate, strict: spec.strict };
  }
  const instruction: SystemContentBlock = {
    text: `Respond with one JSON value only — no prose, no code fences — that conforms to this JSON Schema:\n${JSON.stringify(spec.schema)}`,
  };
  // A model without system prompts gets the instruction at the start of the first user turn instead.
  if (caps.systemPrompt) request.system = [...(request.system ?? []), instruction];
  else request.messages?.[0]?.content?.unshift({ text: instruction.text! });
  return { via: 'instruction', validate, strict: spec.strict };
}
