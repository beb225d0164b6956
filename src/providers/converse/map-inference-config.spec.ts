import { chat, contextFor, internal, type MappingContext } from '../../../test/support/fixtures/mapping-context.fixture';
import { mapInferenceConfig } from './map-inference-config';

const mapInferenceConfigOf = (chatReq: Parameters<typeof internal>[0], ctx: MappingContext) =>
  mapInferenceConfig(internal(chatReq, ctx), ctx.model, ctx.settings);

const user = [{ role: 'user' as const, content: 'x' }];

describe('mapInferenceConfig', () => {
  it('prefers max_completion_tokens, then max_tokens, then the configured default', () => {
    const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0', { defaultMaxTokens: 2048 });
    expect(mapInferenceConfigOf(chat(user, { max_tokens: 10, max_completion_tokens: 20 }), ctx)).toEqual({
      maxTokens: 20,
    });
    expect(mapInferenceConfigOf(chat(user, { max_tokens: 10 }), ctx)).toEqual({ maxTokens: 10 });
    expect(mapInferenceConfigOf(chat(user), ctx)).toEqual({ maxTokens: 2048 });
    expect(
      mapInferenceConfigOf(chat(user), contextFor('anthropic.claude-3-haiku-20240307-v1:0')),
    ).toBeUndefined();
  });

  it('turns stop into a list without empty strings', () => {
    const ctx = contextFor('anthropic.claude-3-haiku-20240307-v1:0');
    expect(mapInferenceConfigOf(chat(user, { stop: 'END' }), ctx)).toEqual({ stopSequences: ['END'] });
    expect(mapInferenceConfigOf(chat(user, { stop: ['', 'A', 'B'] }), ctx)).toEqual({
      stopSequences: ['A', 'B'],
    });
    expect(mapInferenceConfigOf(chat(user, { stop: [''] }), ctx)).toBeUndefined();
  });

  it('keeps both temperature and top_p where the model allows it, temperature alone where it does not', () => {
    const req = chat(user, { temperature: 0.2, top_p: 0.7 });
    expect(mapInferenceConfigOf(req, contextFor('anthropic.claude-3-haiku-20240307-v1:0'))).toEqual({
      temperature: 0.2,
      topP: 0.7,
    });
    expect(mapInferenceConfigOf(req, contextFor('us.anthropic.claude-sonnet-4-5-20250929-v1:0'))).toEqual({
      temperature: 0.2,
    });
    expect(
      mapInferenceConfigOf(
        chat(user, { top_p: 0.7 }),
        contextFor('us.anthropic.claude-sonnet-4-5-20250929-v1:0'),
      ),
    ).toEqual({ topP: 0.7 });
  });

  it('refuses a temperature above 1 instead of rescaling it', () => {
    expect(() =>
      mapInferenceConfigOf(chat(user, { temperature: 1.2 }), contextFor('amazon.nova-pro-v1:0')),
    ).toThrow(expect.objectContaining({ status: 400, param: 'temperature' }));
  });
});
