import { isOpenAIChatModelName, parseModelId } from './model-id';

describe('parseModelId', () => {
  it.each([
    [
      'anthropic.claude-3-haiku-20240307-v1:0',
      { kind: 'foundation', baseModelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
    ],
    [
      'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      { kind: 'system-profile', geography: 'us', baseModelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0' },
    ],
    [
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      {
        kind: 'system-profile',
        geography: 'global',
        baseModelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      },
    ],
    [
      'apac.amazon.nova-pro-v1:0',
      { kind: 'system-profile', geography: 'apac', baseModelId: 'amazon.nova-pro-v1:0' },
    ],
    [
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
      { kind: 'foundation', baseModelId: 'amazon.titan-embed-text-v2:0' },
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.meta.llama3-2-11b-instruct-v1:0',
      { kind: 'system-profile', geography: 'us', baseModelId: 'meta.llama3-2-11b-instruct-v1:0' },
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456',
      {
        kind: 'application-profile',
        arn: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456',
      },
    ],
    [
      'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz',
      { kind: 'other-arn', arn: 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/xyz' },
    ],
  ])('%s', (id, expected) => {
    expect(parseModelId(id)).toEqual(expected);
  });
});

describe('isOpenAIChatModelName', () => {
  it.each(['gpt-4o', 'gpt-4.1-mini', 'o1', 'o3-mini', 'chatgpt-4o-latest'])('%s is an OpenAI name', (id) => {
    expect(isOpenAIChatModelName(id)).toBe(true);
  });
  it.each([
    'anthropic.claude-3-haiku-20240307-v1:0',
    'openai.gpt-oss-120b-1:0',
    'omni',
    'us.amazon.nova-pro-v1:0',
  ])('%s is not', (id) => {
    expect(isOpenAIChatModelName(id)).toBe(false);
  });
});
