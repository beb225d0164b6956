import { cohereV3Adapter } from './cohere-v3.embeddings';
import { emulatedInvoke, parseFailure } from '../../../../test/support/fixtures/emulated-invoke.fixture';

const MODEL = 'cohere.embed-english-v3';

describe('cohereV3Adapter', () => {
  it('sends the batch with the input type the request chose', () => {
    expect(cohereV3Adapter.buildBody(['a', 'b'], { inputType: 'search_query' })).toEqual({
      texts: ['a', 'b'],
      input_type: 'search_query',
    });
  });

  it('reads one vector per text, in the order sent', () => {
    const texts = ['first text', 'second text', 'third text'];
    const batch = cohereV3Adapter.parseResponse(
      emulatedInvoke(MODEL, cohereV3Adapter.buildBody(texts, { inputType: 'search_document' })),
      3,
    );
    expect(batch.vectors).toHaveLength(3);
    const alone = cohereV3Adapter.parseResponse(
      emulatedInvoke(MODEL, cohereV3Adapter.buildBody(['second text'], { inputType: 'search_document' })),
      1,
    );
    expect(batch.vectors[1]).toEqual(alone.vectors[0]);
    expect(batch.inputTokens).toBeUndefined();
  });

  it('reads the by-type form too, and refuses an answer with the wrong number of vectors', () => {
    expect(cohereV3Adapter.parseResponse({ embeddings: { float: [[0.5, 0.5]] } }, 1).vectors).toEqual([
      [0.5, 0.5],
    ]);
    expect(parseFailure(() => cohereV3Adapter.parseResponse({ embeddings: [[0.1]] }, 2))).toMatchObject({
      status: 502,
      message: expect.stringContaining('1 vectors for 2 texts'),
    });
    expect(
      parseFailure(() => cohereV3Adapter.parseResponse({ embeddings: { int8: [[1]] } }, 1)),
    ).toMatchObject({
      status: 502,
    });
  });
});
