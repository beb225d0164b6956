import type { ChatCompletionRequest } from '../../chat/dto/chat-request.types';

/**
 * Bedrock-specific request fields a client adds to the body (the OpenAI SDKs' `extra_body` merges them into
 * the top level of the JSON): `additional_model_request_fields` / `additionalModelRequestFields` objects are
 * merged into Converse's `additionalModelRequestFields`, and `anthropic_beta` is carried as Claude expects it.
 */
export function passThroughFields(req: ChatCompletionRequest): Record<string, unknown> {
  const body = req as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of ['additional_model_request_fields', 'additionalModelRequestFields']) {
    const value = body[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(fields, value);
  }
  if (Array.isArray(body.anthropic_beta)) fields.anthropic_beta = body.anthropic_beta;
  return fields;
}
