import { contextFor } from '../../../test/support/fixtures/mapping-context.fixture';
import { ModelApiRouter } from './model-api.router';

const IMPORTED = 'arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123xyz';

describe('ModelApiRouter (MODEL_API)', () => {
  const router = new ModelApiRouter([
    { pattern: 'meta.llama3*', api: 'native' },
    { pattern: '*imported-model/*', api: 'native', family: 'llama' },
    { pattern: '*', api: 'converse' },
  ]);

  it('routes by the first matching pattern, on the requested id, the Bedrock id or the base model', () => {
    expect(router.route(contextFor('meta.llama3-1-70b-instruct-v1:0').model).api).toBe('native');
    expect(router.route(contextFor('us.meta.llama3-2-11b-instruct-v1:0').model).api).toBe('native');
    expect(router.route(contextFor('anthropic.claude-3-haiku-20240307-v1:0').model).api).toBe('converse');
  });

  it("gives an imported model the family the rule names, with that family's capabilities", () => {
    const before = contextFor(IMPORTED).model;
    expect(before.profile.family).toBe('generic');
    const { api, model } = router.route(before);
    expect(api).toBe('native');
    expect(model.profile.family).toBe('llama');
    expect(model.profile.chat.streamingToolUse).toBe(false);
    expect(model.modelId).toBe(IMPORTED);
  });

  it('sends everything through Converse without rules', () => {
    expect(new ModelApiRouter([]).route(contextFor('meta.llama3-1-70b-instruct-v1:0').model).api).toBe(
      'converse',
    );
  });
});
