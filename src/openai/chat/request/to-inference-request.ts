import { bedrockTemperature } from '../../bedrock-temperature';
import type { ToolSpecification } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../../common/errors/api-error';
import type {
  InferenceParams,
  InferenceRequest,
  StructuredOutputIntent,
  ToolIntent,
} from '../../../inference/inference-request';
import type { ChatCompletionRequest, FunctionTool } from '../chat-request.types';
import { mapMessages } from './map-messages';
import { passThroughFields } from './pass-through-fields';
import type { DialectContext } from './request-context';

type JsonDocument = NonNullable<NonNullable<ToolSpecification['inputSchema']>['json']>;

/** A function with no `parameters` takes no arguments; Bedrock still needs a schema object. */
const EMPTY_SCHEMA: JsonDocument = { type: 'object', properties: {} };
const ANY_OBJECT = { type: 'object' };

/**
 * max_tokens / temperature / top_p / stop → the internal sampling settings (temperature: see
 * bedrockTemperature).
 */
export function inferenceParams(req: ChatCompletionRequest): InferenceParams {
  const params: InferenceParams = {};
  const maxTokens = req.max_completion_tokens ?? req.max_tokens;
  if (maxTokens != null) params.maxTokens = maxTokens;
  const temperature = bedrockTemperature(req.temperature);
  if (temperature !== undefined) params.temperature = temperature;
  if (req.top_p != null) params.topP = req.top_p;
  const stops = typeof req.stop === 'string' ? [req.stop] : (req.stop ?? []);
  const stopSequences = stops.filter((s) => s.length > 0);
  if (stopSequences.length > 0) params.stopSequences = stopSequences;
  return params;
}

function toolSpec(t: FunctionTool): ToolSpecification {
  const description = t.function.description?.trim();
  return {
    name: t.function.name,
    // ToolSpecification.description has min length 1: an empty description is left out, not sent.
    ...(description ? { description } : {}),
    inputSchema: { json: (t.function.parameters as JsonDocument | undefined) ?? EMPTY_SCHEMA },
  };
}

/** tools + tool_choice + parallel_tool_calls → the tool intent (`required` is Bedrock's `any`). */
export function toolIntent(req: ChatCompletionRequest): ToolIntent | undefined {
  const tools = req.tools ?? [];
  if (tools.length === 0) return undefined;
  const choice = req.tool_choice ?? 'auto';
  let intentChoice: ToolIntent['choice'];
  if (choice === 'auto' || choice === 'none') intentChoice = choice;
  else if (choice === 'required') intentChoice = 'any';
  else {
    const name = choice.function.name;
    if (!tools.some((t) => t.function.name === name)) {
      throw invalidRequest(
        `Invalid 'tool_choice': no tool named '${name}' is in 'tools'.`,
        'tool_choice.function.name',
        'invalid_value',
      );
    }
    intentChoice = { tool: name };
  }
  const intent: ToolIntent = { specs: tools.map(toolSpec), choice: intentChoice };
  if (req.parallel_tool_calls === false) intent.parallel = false;
  return intent;
}

/** response_format → the structured-output intent; plain text → none. */
export function outputIntent(req: ChatCompletionRequest): StructuredOutputIntent | undefined {
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
  return {
    schema,
    name: spec.name,
    ...(spec.description ? { description: spec.description } : {}),
    strict: spec.strict === true,
  };
}

/**
 * Automatic cache points as a request's `extra_body.prompt_caching: {system, messages}` asks (Bedrock Access
 * Gateway's per-request switch, which overrides ENABLE_PROMPT_CACHING).
 */
function cachingPreference(req: ChatCompletionRequest): InferenceRequest['caching'] {
  const extra = (
    req as unknown as { extra_body?: { prompt_caching?: { system?: unknown; messages?: unknown } } }
  ).extra_body;
  const p = extra?.prompt_caching;
  if (!p) return undefined;
  const caching: NonNullable<InferenceRequest['caching']> = {};
  if (typeof p.system === 'boolean') caching.system = p.system;
  if (typeof p.messages === 'boolean') caching.messages = p.messages;
  return caching;
}

/** `user` and the `metadata` pairs, for Bedrock's request metadata (its limits are the back-end's concern). */
function metadataOf(req: ChatCompletionRequest): Record<string, string> | undefined {
  if (!req.user && !req.metadata) return undefined;
  const out: Record<string, string> = {};
  if (req.user) out.user = req.user;
  for (const [k, v] of Object.entries(req.metadata ?? {})) if (!(k in out)) out[k] = v;
  return out;
}

/** An OpenAI chat completions request → the internal request every family adapter understands. */
export function toInferenceRequest(req: ChatCompletionRequest, ctx: DialectContext): InferenceRequest {
  const { system, messages } = mapMessages(req.messages, req.model, ctx);
  const out: InferenceRequest = { model: req.model, system, messages, inference: inferenceParams(req) };
  const tools = toolIntent(req);
  if (tools) out.tools = tools;
  if (req.reasoning_effort) out.reasoning = { effort: req.reasoning_effort };
  const output = outputIntent(req);
  if (output) out.output = output;
  const caching = cachingPreference(req);
  if (caching) out.caching = caching;
  const metadata = metadataOf(req);
  if (metadata) out.metadata = metadata;
  // OpenAI's flex / priority / default tiers are Bedrock's service tiers of the same names; `auto` is Bedrock's default.
  if (req.service_tier && req.service_tier !== 'auto') out.serviceTier = req.service_tier;
  const passThrough = passThroughFields(req);
  if (Object.keys(passThrough).length > 0) out.passThrough = passThrough;
  return out;
}
