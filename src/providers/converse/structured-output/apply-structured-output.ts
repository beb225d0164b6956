import type { ConverseRequest, SystemContentBlock, Tool } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../../catalog/resolved-model';
import { fieldName, type InferenceRequest } from '../../../inference/inference-request';
import type { JsonDocument } from '../request-settings';
import { compileSchema } from './json-schema.compiler';
import type { StructuredOutputPlan } from './structured-output.plan';

function responseToolName(req: InferenceRequest): string {
  const taken = new Set((req.tools?.specs ?? []).map((t) => t.name));
  let name = 'json_response';
  for (let i = 2; taken.has(name); i++) name = `json_response_${i}`;
  return name;
}

/**
 * The structured-output intent → the Bedrock request changes that carry it out, and the plan for reading the
 * answer (which the middle uses to hand back text matching the schema).
 * Natively where the model offers structured output; otherwise by forcing one tool whose input schema is the
 * requested schema (beside the client's own tools, if any, with `any` so the model must call one); otherwise
 * as an instruction. Returns undefined for plain text.
 */
export function applyStructuredOutput(
  request: ConverseRequest,
  req: InferenceRequest,
  model: ResolvedModel,
): StructuredOutputPlan | undefined {
  const spec = req.output;
  if (!spec) return undefined;
  const validate = compileSchema(spec.schema, fieldName(req, 'output'));
  const caps = model.profile.chat;
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
