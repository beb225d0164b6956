import { cohereV4Adapter } from './cohere-v4.embeddings';
import { emulatedInvoke } from '../../../../test/support/fixtures/emulated-invoke.fixture';

const MODEL = 'cohere.embed-v4:0';

describe('cohereV4Adapter', () => {
  it('asks for float embeddings, and for output_dimension only when chosen', () => {
    expect(cohereV4Adapter.buildBody(['a'], { inputType: 'clustering' })).toEqual({
      texts: ['a'],
      input_type: 'clustering',
      embedding_types: ['float'],
    });
    expect(cohereV4Adapter.buildBody(['a'], { inputType: 'classification', dimensions: 256 })).toMatchObject({
      input_type: 'classification',
      output_dimension: 256,
    });
  });

  it('reads the by-type answer at the asked size', () => {
    const body = cohereV4Adapter.buildBody(['x', 'y'], { inputType: 'search_document', dimensions: 1024 });
    const parsed = cohereV4Adapter.parseResponse(emulatedInvoke(MODEL, body), 2);
    expect(parsed.vectors.map((v) => v.length)).toEqual([1024, 1024]);
    expect(parsed.vectors[0]).not.toEqual(parsed.vectors[1]);
  });
});
