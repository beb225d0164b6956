import { ApiError } from '../../common/errors/api-error';
import { isAnthropicRequest } from '../anthropic-route';
import { toAnthropicError } from './anthropic-error';

describe('toAnthropicError', () => {
  it.each([
    [400, 400, 'invalid_request_error'],
    [401, 401, 'authentication_error'],
    [403, 403, 'permission_error'],
    [404, 404, 'not_found_error'],
    [413, 413, 'request_too_large'],
    [415, 400, 'invalid_request_error'],
    [429, 429, 'rate_limit_error'],
    [502, 500, 'api_error'],
    [503, 529, 'overloaded_error'],
    [504, 500, 'api_error'],
  ])('%i → %i %s', (from, status, type) => {
    const out = toAnthropicError(new ApiError(from, 'boom', { headers: { 'retry-after': '2' } }), 'req-1');
    expect(out).toEqual({
      status,
      headers: { 'retry-after': '2' },
      body: { type: 'error', error: { type, message: 'boom' }, request_id: 'req-1' },
    });
  });
});

describe('isAnthropicRequest', () => {
  it('covers the Messages routes (query ignored) and the model list when anthropic-version is sent', () => {
    expect(isAnthropicRequest({ url: '/v1/messages?beta=true', headers: {} })).toBe(true);
    expect(isAnthropicRequest({ url: '/v1/messages/count_tokens', headers: {} })).toBe(true);
    expect(isAnthropicRequest({ url: '/v1/messagesx', headers: {} })).toBe(false);
    expect(isAnthropicRequest({ url: '/v1/models', headers: {} })).toBe(false);
    expect(isAnthropicRequest({ url: '/v1/models', headers: { 'anthropic-version': '2023-06-01' } })).toBe(
      true,
    );
    expect(
      isAnthropicRequest({ url: '/v1/chat/completions', headers: { 'anthropic-version': '2023-06-01' } }),
    ).toBe(false);
  });
});
