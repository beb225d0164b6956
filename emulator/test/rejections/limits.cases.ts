/** Structured output, CountTokens and service-model ranges. */
import { HAIKU, SONNET_37, SONNET_45, user, type RejectionCase } from './rejection-helpers';

export const LIMITS_REJECTIONS: RejectionCase[] = [
  {
    name: 'structured output on a model without it (Claude 3 Haiku)',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [user('hi')],
      outputConfig: {
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: '{"type":"object"}' } } },
      },
    },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.",
    source: 'UNVERIFIED (modelled on the toolChoice message, wire §6.3)',
  },
  {
    name: 'structured output schema that is not a JSON object schema',
    operation: 'Converse',
    modelId: SONNET_45,
    body: {
      messages: [user('hi')],
      outputConfig: {
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: 'not json' } } },
      },
    },
    status: 400,
    exception: 'ValidationException',
    message:
      'The format of the value at outputConfig.textFormat.structure.jsonSchema.schema is invalid. Provide a json object for the field and try again.',
    source: 'UNVERIFIED (modelled on the inputSchema.json message, wire §3.1)',
  },
  {
    name: 'CountTokens with an inference-profile id',
    operation: 'CountTokens',
    modelId: SONNET_37,
    body: { input: { converse: { messages: [user('hi')] } } },
    status: 400,
    exception: 'ValidationException',
    message: "The provided model doesn't support counting tokens.",
    source: 'wire §12 (agentgateway/agentgateway#3254)',
  },
  {
    name: 'maxTokens below 1 (service-model range)',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { maxTokens: 0 } },
    status: 400,
    exception: 'ValidationException',
    message:
      "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
    source: 'public capture (microsoft/semantic-kernel issue quoting Bedrock)',
  },
  {
    name: 'temperature above 1 (service-model range)',
    operation: 'ConverseStream',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { temperature: 7 } },
    status: 400,
    exception: 'ValidationException',
    message:
      "1 validation error detected: Value '7.0' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
    source:
      "public capture (llumiverse tests quoting Bedrock: \"Value '32424.0' at 'inferenceConfig.temperature'…\")",
  },
  {
    name: 'maxTokens above the model limit',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { maxTokens: 5000 } },
    status: 400,
    exception: 'ValidationException',
    message:
      'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.',
    source: 'public capture (Go client test quoting Bedrock for a 64000 limit)',
  },
  {
    name: 'streaming an embedding model',
    operation: 'InvokeModelWithResponseStream',
    modelId: 'amazon.titan-embed-text-v2:0',
    body: { inputText: 'hi' },
    status: 400,
    exception: 'ValidationException',
    message: 'The model is unsupported for streaming.',
    source: 'wire §6.3 (message captured for gpt-oss; applied to non-streaming models)',
  },
];
