import { convertUsage } from './convert-usage';

describe('convertUsage', () => {
  it("adds Bedrock's separately reported cache reads and writes back into prompt_tokens, as OpenAI counts them", () => {
    expect(
      convertUsage(
        {
          inputTokens: 10,
          outputTokens: 4,
          totalTokens: 1044,
          cacheReadInputTokens: 1000,
          cacheWriteInputTokens: 30,
        },
        false,
      ),
    ).toEqual({
      prompt_tokens: 1040,
      completion_tokens: 4,
      total_tokens: 1044,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 30 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('reports zeros without usage, and leaves reasoning_tokens out when reasoning happened (Bedrock does not count it apart)', () => {
    expect(convertUsage(undefined, true)).toEqual({
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      prompt_tokens_details: { cached_tokens: 0 },
    });
  });
});
