import { ModelAccess } from './model-access';

describe('ModelAccess', () => {
  it('allows everything without an allow-list', () => {
    expect(new ModelAccess({}).allows('anything.at-all')).toBe(true);
  });

  it('matches allow-list entries exactly, with * standing for any run of characters', () => {
    const access = new ModelAccess({ allowed: ['anthropic.*', 'us.amazon.nova-pro-v1:0'] });
    expect(access.allows('anthropic.claude-3-haiku-20240307-v1:0')).toBe(true);
    expect(access.allows('us.amazon.nova-pro-v1:0')).toBe(true);
    expect(access.allows('us.anthropic.claude-3-haiku-20240307-v1:0')).toBe(false);
    expect(access.allows('us.amazon.nova-pro-v1:01')).toBe(false);
    // '.' is literal, not a regular-expression wildcard.
    expect(access.allows('anthropicXclaude')).toBe(false);
  });

  it('passes when any of the names given for one model is allowed', () => {
    const access = new ModelAccess({ allowed: ['anthropic.claude-3-haiku-20240307-v1:0'] });
    const arn = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
    expect(access.allows(arn)).toBe(false);
    expect(access.allows(arn, 'anthropic.claude-3-haiku-20240307-v1:0')).toBe(true);
    expect(access.allows(arn, undefined)).toBe(false);
  });

  it('never hides aliases or the configured defaults', () => {
    const access = new ModelAccess({
      allowed: ['nothing-matches'],
      aliases: { 'gpt-4o': 'us.anthropic.claude-3-5-sonnet-20240620-v1:0' },
      defaults: ['cohere.embed-multilingual-v3'],
    });
    expect(access.allows('gpt-4o')).toBe(true);
    expect(access.allows('cohere.embed-multilingual-v3')).toBe(true);
    expect(access.isDefault('cohere.embed-multilingual-v3')).toBe(true);
    expect(access.aliasTarget('gpt-4o')).toBe('us.anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(access.aliasTarget('gpt-4')).toBeUndefined();
  });
});
