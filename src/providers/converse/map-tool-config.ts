import type { ToolChoice as BedrockToolChoice, ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { invalidRequest, unsupportedFeature } from '../../common/errors/api-error';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';

/**
 * The tool intent → Converse `toolConfig`, within what the model accepts (capability data):
 * - `auto` is Bedrock's default, so it is left out for models that reject an explicit toolChoice (Cohere);
 * - `any` needs the model's `any`; a named tool → `tool`. A model without `tool` but with `any` gets only the
 *   named tool and `any`, which forces the same call; otherwise the request is a 400 naming the model.
 * Returns undefined when no tools are offered (none, or choice `none`: no call may happen).
 */
export function mapToolConfig(req: InferenceRequest, model: ResolvedModel): ToolConfiguration | undefined {
  const intent = req.tools;
  if (!intent || intent.specs.length === 0 || intent.choice === 'none') return undefined;
  const caps = model.profile.chat;
  const name = model.requested;
  if (!caps.toolUse) throw unsupportedFeature(name, 'tool calling', fieldName(req, 'tools'));
  const choiceParam = fieldName(req, 'toolChoice');
  let offered = intent.specs;
  let toolChoice: BedrockToolChoice | undefined;
  const choice = intent.choice;
  if (choice === 'auto') {
    toolChoice = caps.toolChoice.includes('auto') ? { auto: {} } : undefined;
  } else if (choice === 'any') {
    if (!caps.toolChoice.includes('any')) throw unsupportedFeature(name, "tool_choice 'required'", choiceParam);
    toolChoice = { any: {} };
  } else {
    const named = intent.specs.find((t) => t.name === choice.tool);
    if (!named) {
      throw invalidRequest(`Invalid '${choiceParam}': no tool named '${choice.tool}' is offered.`, choiceParam);
    }
    if (caps.toolChoice.includes('tool')) {
      toolChoice = { tool: { name: choice.tool } };
    } else if (caps.toolChoice.includes('any')) {
      offered = [named];
      toolChoice = { any: {} };
    } else {
      throw unsupportedFeature(name, 'forcing a specific tool (tool_choice with a function)', choiceParam);
    }
  }
  return { tools: offered.map((toolSpec) => ({ toolSpec })), ...(toolChoice ? { toolChoice } : {}) };
}
