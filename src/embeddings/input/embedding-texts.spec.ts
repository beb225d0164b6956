import { getEncoding } from 'js-tiktoken';
import { ApiError } from '../../common/errors/api-error';
import { embeddingTexts } from './embedding-texts';

/** Token ids made the way clients make them: js-tiktoken's full build, independent of the decoder. */
const cl100k = getEncoding('cl100k_base');
const o200k = getEncoding('o200k_base');

describe('embeddingTexts', () => {
  it('passes strings through in order', () => {
    expect(embeddingTexts('one', 'cl100k_base')).toEqual(['one']);
    expect(embeddingTexts(['one', 'two'], 'cl100k_base')).toEqual(['one', 'two']);
  });

  it('decodes one token array, and a list of them, back to the texts', () => {
    const texts = ['The quick brown fox', 'jumps over the lazy dog — naïve café 東京'];
    expect(embeddingTexts(cl100k.encode(texts[0]), 'cl100k_base')).toEqual([texts[0]]);
    expect(
      embeddingTexts(
        texts.map((t) => cl100k.encode(t)),
        'cl100k_base',
      ),
    ).toEqual(texts);
    expect(embeddingTexts([o200k.encode(texts[1])], 'o200k_base')).toEqual([texts[1]]);
  });

  it('refuses ids outside the vocabulary and arrays that decode to nothing, naming the input', () => {
    const outside = (() => {
      try {
        embeddingTexts([[15339], [250_000]], 'cl100k_base');
      } catch (err) {
        return err;
      }
    })();
    expect(outside).toBeInstanceOf(ApiError);
    expect(outside).toMatchObject({ status: 400, param: 'input[1]' });
    expect(() => embeddingTexts([100_262], 'cl100k_base')).toThrow(/decodes to empty text/);
  });
});
