import { ApiError } from '../../common/errors/api-error';
import { MAX_INPUTS, validateEmbeddingsRequest } from './embeddings-request.validator';

function rejection(body: unknown): ApiError {
  try {
    validateEmbeddingsRequest(body);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a 400');
}

const model = 'amazon.titan-embed-text-v2:0';

describe('validateEmbeddingsRequest', () => {
  it.each([
    ['a string', 'hello'],
    ['strings', ['a', 'b']],
    ['a token array', [1, 2, 3]],
    ['token arrays', [[1, 2], [3]]],
  ])('accepts %s as input, with every optional field', (_, input) => {
    const body = {
      model,
      input,
      encoding_format: 'base64',
      dimensions: 256,
      user: 'u',
      input_type: 'search_query',
      something_new: true,
    };
    expect(validateEmbeddingsRequest(body)).toBe(body);
  });

  it.each([
    [{ input: 'x' }, 'model', 'missing_required_parameter'],
    [{ model }, 'input', 'missing_required_parameter'],
    [{ model, input: '' }, 'input', 'empty_string'],
    [{ model, input: [] }, 'input', 'empty_array'],
    [{ model, input: ['a', ''] }, 'input[1]', 'empty_string'],
    [{ model, input: [[1], []] }, 'input[1]', 'empty_array'],
    [{ model, input: ['a', 2] }, 'input[1]', 'invalid_type'],
    [{ model, input: [1, -2] }, 'input[1]', 'invalid_type'],
    [{ model, input: [1.5] }, 'input[0]', 'invalid_type'],
    [{ model, input: [{ text: 'a' }] }, 'input[0]', 'invalid_type'],
    [{ model, input: 42 }, 'input', 'invalid_type'],
    [{ model, input: null }, 'input', 'invalid_type'],
    [{ model, input: 'x', encoding_format: 'int8' }, 'encoding_format', 'invalid_value'],
    [{ model, input: 'x', dimensions: 0 }, 'dimensions', 'integer_below_min_value'],
    [{ model, input: 'x', dimensions: 1.5 }, 'dimensions', 'invalid_type'],
    [{ model, input: 'x', input_type: 'image' }, 'input_type', 'invalid_value'],
  ])('refuses %j naming %s', (body, param, code) => {
    expect(rejection(body)).toMatchObject({ status: 400, param, code });
  });

  it(`refuses more than ${MAX_INPUTS} inputs, as OpenAI does`, () => {
    const err = rejection({ model, input: Array(MAX_INPUTS + 1).fill('x') });
    expect(err).toMatchObject({ param: 'input', code: 'array_above_max_length' });
    expect(err.message).toContain(`maximum length ${MAX_INPUTS}`);
    expect(() => validateEmbeddingsRequest({ model, input: Array(MAX_INPUTS).fill('x') })).not.toThrow();
  });
});
