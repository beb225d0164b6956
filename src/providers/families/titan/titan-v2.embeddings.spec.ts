import { emulatedInvoke } from '../../../../test/support/fixtures/emulated-invoke.fixture';
import { titanV2Adapter } from './titan-v2.embeddings';

const MODEL = 'amazon.titan-embed-text-v2:0';
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('titanV2Adapter', () => {
  it('asks for normalised vectors, with dimensions only when the client chose them', () => {
    expect(titanV2Adapter.buildBody(['hi'], { inputType: 'search_document' })).toEqual({
      inputText: 'hi',
      normalize: true,
    });
    expect(titanV2Adapter.buildBody(['hi'], { inputType: 'search_query', dimensions: 256 })).toEqual({
      inputText: 'hi',
      normalize: true,
      dimensions: 256,
    });
  });

  it('gets unit-length vectors of the asked size from Bedrock', () => {
    const body = titanV2Adapter.buildBody(['a short text'], {
      inputType: 'search_document',
      dimensions: 512,
    });
    const parsed = titanV2Adapter.parseResponse(emulatedInvoke(MODEL, body), 1);
    expect(parsed.vectors[0]).toHaveLength(512);
    expect(norm(parsed.vectors[0])).toBeCloseTo(1, 4);
    expect(parsed.inputTokens).toBe(3);
  });
});
