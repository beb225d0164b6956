import { chat, contextFor } from '../testing/mapping-context.fixture';
import { mapInferenceConfig } from './map-inference-config';

const user = [{ role: 'user' as const, content: 'x' }];

describe('mapInferenceConfig', () => {
  it('prefers max_completion_tokens, then max_tokens, then the configured default', () => {
    const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0', { defaultMaxTokens: 2048 });
    expect(mapInferenceConfig(chat(user, { max_tokens: 10, max_completion_tokens: 20 }), ctx)).toEqual({
      maxTokens: 20,
    });
    expect(mapInferenceConfig(chat(user, { max_tokens: 10 }), ctx)).toEqual({ maxTokens: 10 });
    expect(mapInferenceConfig(chat(user), ctx)).toEqual({ maxTokens: 2048 });
    expect(
      mapInferenceConfig(chat(user), contextFor('anthropic.claude-3-haiku-20240307-v1:0')),
    ).toBeUndefined();
  });

  it('turns stop into a list without empty strings', () => {
    const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0');
    expect(mapInferenceConfig(chat(user, { stop: 'END' }), ctx)).toEqual({ stopSequences: ['END'] });
    expect(mapInferenceConfig(chat(user, { stop: ['', 'A', 'B'] }), ctx)).toEqual({
      stopSequences: ['A', 'B'],
    });
    expect(mapInferenceConfig(chat(user, { stop: [''] }), ctx)).toBeUndefined();
  });

  it('keeps both temperature and top_p where the model allows it, temperature alone where it does not', () => {
    const req = chat(user, { temperature: 0.2, top_p: 0.7 });
    expect(mapInferenceConfig(req, contextFor('anthropic.claude-3-haiku-20240307-v1:0'))).toEqual({
      temperature: 0.2,
      topP: 0.7,
    });
    expect(mapInferenceConfig(req, contextFor('us.anthropic.claude-sonnet-4-5-20250929-v1:0'))).toEqual({
      temperature: 0.2,
    });
    expect(
      mapInferenceConfig(
        chat(user, { top_p: 0.7 }),
        contextFor('us.anthropic.claude-sonnet-4-5-20250929-v1:0'),
      ),
    ).toEqual({ topP: 0.7 });
  });

  it('refuses a temperature above 1 instead of rescaling it', () => {
    expect(() =>
      mapInferenceConfig(chat(user, { temperature: 1.2 }), contextFor('amazon.nova-pro-v1:0')),
    ).toThrow(expect.objectContaining({ status: 400, param: 'temperature' }));
  });
});
