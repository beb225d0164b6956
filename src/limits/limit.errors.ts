import { ApiError } from '../common/errors/api-error';
import { type HeaderStyle, openAIDuration, rateLimitHeaders } from './rate-limit.headers';
import type { LimitRejection } from './rate-limiter';

/**
 * The 429 for a refused request, worded the way OpenAI words its own (clients and people recognise it):
 * `rate_limit_exceeded` for rpm / tpm / concurrency, `insufficient_quota` for a spent budget. `retry-after`
 * (seconds) says when the request would fit; a request larger than the tpm limit never will, so it has none.
 */
export function rejectionError(r: LimitRejection, style: HeaderStyle): ApiError {
  const { policy, admission: a } = r;
  const wait = Math.max(a.retryAfterMs, 0);
  const retry = wait > 0 ? ` Please try again in ${openAIDuration(wait)}.` : '';
  const headers = rateLimitHeaders(policy, a, style);
  if (wait > 0) headers['retry-after'] = String(Math.ceil(wait / 1000));
  const who = `key '${policy.name}'`;
  switch (a.reason) {
    case 'requests':
      return tooMany(
        `Rate limit reached for ${who} on requests per min (RPM): Limit ${policy.rpm}, Used ${a.requests}, Requested 1.${retry}`,
        headers,
      );
    case 'tokens':
      return tooMany(
        `Rate limit reached for ${who} on tokens per min (TPM): Limit ${policy.tpm}, Used ${a.tokens}, Requested ${r.reserve}.${retry}`,
        headers,
      );
    case 'too_large':
      return tooMany(
        `Request too large for ${who} on tokens per min (TPM): Limit ${policy.tpm}, Requested ${r.reserve}. ` +
          'Lower max_tokens (or the number of choices) to fit.',
        headers,
      );
    case 'concurrency':
      return tooMany(
        `Too many concurrent requests for ${who}: Limit ${policy.maxConcurrent}.${retry}`,
        headers,
      );
    case 'budget': {
      const ends = r.budgetEndsAt ?? a.now;
      headers['retry-after'] = String(Math.max(1, Math.ceil((ends - a.now) / 1000)));
      return new ApiError(
        429,
        `You exceeded the token budget of ${who} (${policy.budget?.tokens} tokens per ${policy.budget?.period}, ` +
          `${a.budgetUsed} used); it renews at ${new Date(ends).toISOString()}.`,
        { type: 'insufficient_quota', code: 'insufficient_quota', headers },
      );
    }
    default:
      return tooMany(`Rate limit reached for ${who}.${retry}`, headers);
  }
}

const tooMany = (message: string, headers: Record<string, string>) =>
  new ApiError(429, message, { type: 'rate_limit_error', code: 'rate_limit_exceeded', headers });
