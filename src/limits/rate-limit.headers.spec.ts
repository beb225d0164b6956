import { openAIDuration, rateLimitHeaders } from './rate-limit.headers';
import { reservationFor } from './reservation';

const admission = {
  admitted: true,
  now: Date.UTC(2026, 11, 3, 10, 0, 0),
  bucket: 0,
  requests: 3,
  tokens: 1200,
  resetMs: 61_000,
  retryAfterMs: 0,
  budgetUsed: 0,
};

describe('rate-limit headers', () => {
  it('formats durations as OpenAI does', () => {
    expect([20, 999, 1000, 1001, 59_000, 61_000, 360_000].map(openAIDuration)).toEqual([
      '20ms',
      '999ms',
      '1s',
      '2s',
      '59s',
      '1m1s',
      '6m0s',
    ]);
  });

  it('sends OpenAI trios for the limits the key has', () => {
    expect(rateLimitHeaders({ name: 'a', rpm: 10, tpm: 1000 }, admission, 'openai')).toEqual({
      'x-ratelimit-limit-requests': '10',
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-requests': '1m1s',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '1m1s',
    });
    expect(rateLimitHeaders({ name: 'a', maxConcurrent: 2 }, admission, 'openai')).toEqual({});
  });

  it("sends Anthropic's headers with RFC 3339 reset times on the Messages route", () => {
    expect(rateLimitHeaders({ name: 'a', rpm: 10 }, admission, 'anthropic')).toEqual({
      'anthropic-ratelimit-requests-limit': '10',
      'anthropic-ratelimit-requests-remaining': '7',
      'anthropic-ratelimit-requests-reset': '2026-12-03T10:01:01Z',
    });
  });
});

describe('reservationFor', () => {
  it("reserves the route's max output tokens times the choices, or the default", () => {
    expect(reservationFor('/v1/chat/completions', { max_completion_tokens: 50, max_tokens: 9 }, 1000)).toBe(
      50,
    );
    expect(reservationFor('/v1/chat/completions', { max_tokens: 40, n: 3 }, 1000)).toBe(120);
    expect(reservationFor('/v1/responses', { max_output_tokens: 70 }, 1000)).toBe(70);
    expect(reservationFor('/v1/messages', { max_tokens: 64 }, 1000)).toBe(64);
    expect(reservationFor('/v1/chat/completions', { max_tokens: 'x' }, 1000)).toBe(1000);
    expect(reservationFor('/v1/chat/completions', null, 1000)).toBe(1000);
    expect(reservationFor('/v1/embeddings', { input: 'x' }, 1000)).toBe(0);
  });
});
