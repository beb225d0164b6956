import type { ChatCapabilities, ToolChoiceKind } from '../catalog/catalog.types';
import type { ConverseRequest } from '../engine/converse.types';
import { modelValidationError, validationError } from '../engine/engine.errors';

// Real Bedrock messages (docs/bedrock-protocol.md §6.3, §3.1); sources in emulator/docs/engine.md.
export const NO_TOOL_USE = "This model doesn't support tool use.";
export const NO_STREAMING_TOOL_USE = "This model doesn't support tool use in streaming mode.";

export function toolChoiceUnsupported(kind: ToolChoiceKind): string {
  return `This model doesn't support the toolConfig.toolChoice.${kind} field. Remove toolConfig.toolChoice.${kind} and try again.`;
}

export function inputSchemaInvalid(i: number): string {
  return `The format of the value at toolConfig.tools.${i}.toolSpec.inputSchema.json is invalid. Provide a json object for the field and try again.`;
}

export function toolChoiceKind(request: ConverseRequest): ToolChoiceKind | undefined {
  const choice = request.toolConfig?.toolChoice;
  if (!choice) return undefined;
  if (choice.tool) return 'tool';
  if (choice.any) return 'any';
  return 'auto';
}

function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Tool rules per family (docs/bedrock-protocol.md §9): support, streaming support, toolChoice kinds, schema shape. */
export function checkTools(chat: ChatCapabilities, request: ConverseRequest, stream: boolean): void {
  const config = request.toolConfig;
  if (!config) return;
  if (stream && !chat.streamingToolUse) throw validationError(NO_STREAMING_TOOL_USE);
  if (!chat.toolUse) throw validationError(NO_TOOL_USE);

  const kind = toolChoiceKind(request);
  if (kind && !chat.toolChoice.includes(kind)) throw validationError(toolChoiceUnsupported(kind));

  config.tools.forEach((tool, i) => {
    if (tool.toolSpec && !isJsonObject(tool.toolSpec.inputSchema.json))
      throw validationError(inputSchemaInvalid(i));
  });
  const forced = config.toolChoice?.tool?.name;
  if (forced !== undefined && !config.tools.some((t) => t.toolSpec?.name === forced)) {
    // Anthropic's wording for a forced tool that isn't defined [UNVERIFIED through Bedrock].
    throw modelValidationError(`tool_choice.name: Tool '${forced}' not found in provided tools`);
  }
}
