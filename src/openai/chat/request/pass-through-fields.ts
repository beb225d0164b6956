import type { ChatCompletionRequest } from '../chat-request.types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Bedrock-specific request fields a client adds to the body. The OpenAI SDKs' `extra_body` merges them into
 * the top level of the JSON, so these are read there:
 * - `additional_model_request_fields` / `additionalModelRequestFields`: merged into Converse's
 *   `additionalModelRequestFields` as given;
 * - `anthropic_beta` (Claude beta flags) and `thinking` (Claude extended thinking), as LiteLLM-style clients
 *   send them;
 * - a literal `extra_body` object, as Bedrock Access Gateway's documentation has clients send it: every key
 *   but `prompt_caching` (its per-request caching switch, read by applyCachePoints).
 */
export function passThroughFields(req: ChatCompletionRequest): Record<string, unknown> {
  const body = req as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  if (isObject(body.extra_body)) {
    for (const [k, v] of Object.entries(body.extra_body)) if (k !== 'prompt_caching') fields[k] = v;
  }
  for (const key of ['additional_model_request_fields', 'additionalModelRequestFields']) {
    if (isObject(body[key])) Object.assign(fields, body[key]);
  }
  if (Array.isArray(body.anthropic_beta)) fields.anthropic_beta = body.anthropic_beta;
  if (isObject(body.thinking)) fields.thinking = body.thinking;
  return fields;
}
