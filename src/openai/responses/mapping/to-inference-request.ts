import type { ClientFieldNames, InferenceRequest } from '../../../inference/inference-request';
import { bedrockTemperature } from '../../bedrock-temperature';
import type { ResponseCreateRequest } from '../dto/responses-request.types';
import { InputContext, LocatedItem, mapInput } from './map-input';
import { mapReasoning } from './map-reasoning';
import { mapTextFormat } from './map-text-format';
import type { MappedTools } from './map-tools';

/** The Responses API's names for the fields a family or the middle may refuse. */
const RESPONSES_FIELD_NAMES: ClientFieldNames = {
  maxTokens: 'max_output_tokens',
  temperature: 'temperature',
  tools: 'tools',
  toolChoice: 'tool_choice',
  reasoning: 'reasoning.effort',
  output: 'text.format.schema',
  messages: 'input',
};

/**
 * A validated Responses request (plus the stored conversation it continues) → the internal request. Family
 * quirks are not handled here: the family adapter of the resolved model applies them.
 */
export function toInferenceRequest(
  req: ResponseCreateRequest,
  conversation: LocatedItem[],
  tools: MappedTools,
  ctx: InputContext,
): InferenceRequest {
  const { system, messages } = mapInput(req.instructions, conversation, ctx);
  const inference: InferenceRequest['inference'] = {};
  if (req.max_output_tokens != null) inference.maxTokens = req.max_output_tokens;
  const temperature = bedrockTemperature(req.temperature);
  if (temperature !== undefined) inference.temperature = temperature;
  if (req.top_p != null) inference.topP = req.top_p;
  const out: InferenceRequest = {
    model: req.model,
    system,
    messages,
    inference,
    fieldNames: RESPONSES_FIELD_NAMES,
  };
  if (tools.intent) out.tools = tools.intent;
  const reasoning = mapReasoning(req);
  if (reasoning) out.reasoning = reasoning;
  const output = mapTextFormat(req);
  if (output) out.output = output;
  // As chat does: `user` and `metadata` go on as Converse requestMetadata (Bedrock's invocation logs).
  const metadata = { ...(req.user ? { user: req.user } : {}), ...req.metadata };
  if (Object.keys(metadata).length > 0) out.metadata = metadata;
  return out;
}
