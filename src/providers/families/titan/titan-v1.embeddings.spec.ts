import { emulatedInvoke, parseFailure } from '../../../../test/support/fixtures/emulated-invoke.fixture';
import { titanV1Adapter } from './titan-v1.embeddings';

const MODEL = 'amazon.titan-embed-text-v1';
const options = { inputType: 'search_document' as const };

describe('titanV1Adapter', () => {
  it('sends only inputText, the one field G1 accepts', () => {
    expect(titanV1Adapter.buildBody(['hello there'], options)).toEqual({ inputText: 'hello there' });
  });

  it('reads the vector and the token count Bedrock answers with', () => {
    const parsed = titanV1Adapter.parseResponse(
      emulatedInvoke(MODEL, titanV1Adapter.buildBody(['three little words'], options)),
      1,
    );
    expect(parsed.vectors).toHaveLength(1);
    expect(parsed.vectors[0]).toHaveLength(1536);
    expect(parsed.inputTokens).toBe(3);
  });

  it('refuses an answer without a vector', () => {
    expect(parseFailure(() => titanV1Adapter.parseResponse({ inputTextTokenCount: 3 }, 1))).toMatchObject({
      status: 502,
      code: 'upstream_invalid_response',
    });
  });
});
