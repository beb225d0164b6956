import { emulatedInvoke, parseFailure } from '../../../../test/support/fixtures/emulated-invoke.fixture';
import { novaAdapter } from './nova.embeddings';

const MODEL = 'amazon.nova-2-multimodal-embeddings-v1:0';

describe('novaAdapter', () => {
  it('sends one text as a SINGLE_EMBEDDING task with the purpose matching the input type', () => {
    expect(novaAdapter.buildBody(['find me'], { inputType: 'search_query', dimensions: 384 })).toEqual({
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: {
        embeddingPurpose: 'TEXT_RETRIEVAL',
        embeddingDimension: 384,
        text: { truncationMode: 'NONE', value: 'find me' },
      },
    });
    const purposes = (['search_document', 'classification', 'clustering'] as const).map(
      (inputType) =>
        (novaAdapter.buildBody(['x'], { inputType }).singleEmbeddingParams as { embeddingPurpose: string })
          .embeddingPurpose,
    );
    expect(purposes).toEqual(['GENERIC_INDEX', 'CLASSIFICATION', 'CLUSTERING']);
  });

  it('reads the vector Bedrock answers with, at the default or the asked size', () => {
    const parse = (dimensions?: number) =>
      novaAdapter.parseResponse(
        emulatedInvoke(MODEL, novaAdapter.buildBody(['hello'], { inputType: 'search_document', dimensions })),
        1,
      );
    expect(parse().vectors[0]).toHaveLength(3072);
    expect(parse(256).vectors[0]).toHaveLength(256);
    expect(parse().inputTokens).toBeUndefined();
  });

  it('refuses an answer that is not one embedding', () => {
    expect(parseFailure(() => novaAdapter.parseResponse({ embeddings: [] }, 1))).toMatchObject({
      status: 502,
    });
  });
});
