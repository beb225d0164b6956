/** Model ids, profiles, regions and model access. */
import { user, type RejectionCase } from './rejection-helpers';

export const ACCESS_REJECTIONS: RejectionCase[] = [
  {
    name: 'unknown model id',
    operation: 'Converse',
    modelId: 'anthropic.claude-9-opus-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1 (aws-samples/amazon-bedrock-workshop#315, Kilo-Org/kilocode#586)',
  },
  {
    name: 'inference profile of another geography (eu. signed for us-east-1)',
    operation: 'Converse',
    modelId: 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1; profiles serve only their geography (AWS cross-region inference docs)',
  },
  {
    name: 'us. profile signed for eu-west-1',
    operation: 'Converse',
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    region: 'eu-west-1',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1',
  },
  {
    name: 'profile-only model by bare id (Claude 3.7 Sonnet)',
    operation: 'Converse',
    modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      'Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    source: 'wire §2.1 (terricain/aioboto3#352)',
  },
  {
    name: 'profile-only model by bare id through InvokeModel (DeepSeek R1)',
    operation: 'InvokeModel',
    modelId: 'deepseek.r1-v1:0',
    body: { prompt: 'hi' },
    status: 400,
    exception: 'ValidationException',
    message:
      'Invocation of model ID deepseek.r1-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    source: 'wire §2.1 (terricain/aioboto3#352)',
  },
  {
    name: 'LEGACY model',
    operation: 'Converse',
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    body: { messages: [user('hi')] },
    status: 404,
    exception: 'ResourceNotFoundException',
    message:
      'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
    source: 'wire §6.3',
  },
  {
    name: 'embedding model through Converse',
    operation: 'Converse',
    modelId: 'amazon.titan-embed-text-v2:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    source: 'issue brief (real Bedrock message for non-chat models)',
  },
];
