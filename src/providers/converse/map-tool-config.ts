import type {
  Tool,
  ToolChoice as BedrockToolChoice,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest, unsupportedFeature } from '../../common/errors/api-error';
import type { ChatCompletionRequest, FunctionTool } from '../../chat/dto/chat-request.types';
import type { JsonDocument, MappingContext } from './request-context';

/** A function with no `parameters` takes no arguments; Bedrock still needs a schema object. */
const EMPTY_SCHEMA: JsonDocument = { type: 'object', properties: {} };

function toBedrockTool(t: FunctionTool): Tool {
  const description = t.function.description?.trim();
  return {
    toolSpec: {
      name: t.function.name,
      // ToolSpecification.description has min length 1: an empty description is left out, not sent.
      ...(description ? { description } : {}),
      inputSchema: { json: (t.function.parameters as JsonDocument | undefined) ?? EMPTY_SCHEMA },
    },
  };
}

/**
 * tools + tool_choice → Converse `toolConfig`, within what the model accepts (capability data):
 * - `auto` is Bedrock's default, so it is left out for models that reject an explicit toolChoice (Cohere);
 * - `required` → `any`; a named function → `tool`. A model without `tool` but with `any` gets only the named
 *   tool and `any`, which forces the same call; otherwise the request is a 400 naming the model.
 * Returns undefined when no tools are offered (no tools, or tool_choice `none`: see the chat service).
 */
export function mapToolConfig(
  req: ChatCompletionRequest,
  ctx: MappingContext,
): ToolConfiguration | undefined {
  const tools = req.tools ?? [];
  if (tools.length === 0 || req.tool_choice === 'none') return undefined;
  const caps = ctx.model.profile.chat;
  const model = ctx.model.requested;
  if (!caps.toolUse) throw unsupportedFeature(model, 'tool calling', 'tools');

  const choice = req.tool_choice ?? 'auto';
  let offered = tools;
  let toolChoice: BedrockToolChoice | undefined;
  if (choice === 'auto') {
    toolChoice = caps.toolChoice.includes('auto') ? { auto: {} } : undefined;
  } else if (choice === 'required') {
    if (!caps.toolChoice.includes('any'))
      throw unsupportedFeature(model, "tool_choice 'required'", 'tool_choice');
    toolChoice = { any: {} };
  } else {
    const name = choice.function.name;
    const named = tools.find((t) => t.function.name === name);
    if (!named) {
      throw invalidRequest(
        `Invalid 'tool_choice': no tool named '${name}' is in 'tools'.`,
        'tool_choice.function.name',
        'invalid_value',
      );
    }
    if (caps.toolChoice.includes('tool')) {
      toolChoice = { tool: { name } };
    } else if (caps.toolChoice.includes('any')) {
      offered = [named];
      toolChoice = { any: {} };
    } else {
      throw unsupportedFeature(model, 'forcing a specific tool (tool_choice with a function)', 'tool_choice');
    }
  }
  return { tools: offered.map(toBedrockTool), ...(toolChoice ? { toolChoice } : {}) };
}
