import type { KeyPolicy } from './policy/key-policy';
import type { Admission } from './store/limit-store';

/** OpenAI's duration format for `x-ratelimit-reset-*`: `20ms`, `1s`, `6m0s`. */
export function openAIDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

/** Which client family's rate-limit headers a route speaks: Anthropic's Messages routes, or OpenAI's. */
export type HeaderStyle = 'openai' | 'anthropic';
export const headerStyleFor = (path: string): HeaderStyle =>
  path.startsWith('/v1/messages') ? 'anthropic' : 'openai';

/**
 * The rate-limit headers of one response, for the limits the key has: OpenAI's `x-ratelimit-{limit,
 * remaining,reset}-{requests,tokens}` (https://platform.openai.com/docs/guides/rate-limits), or Anthropic's
 * `anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}` with RFC 3339 reset times
 * (https://docs.anthropic.com/en/api/rate-limits). Remaining counts this request as already spent.
 */
export function rateLimitHeaders(
  policy: KeyPolicy,
  a: Admission,
  style: HeaderStyle,
): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (kind: 'requests' | 'tokens', limit: number, used: number) => {
    const remaining = String(Math.max(0, limit - used));
    if (style === 'anthropic') {
      out[`anthropic-ratelimit-${kind}-limit`] = String(limit);
      out[`anthropic-ratelimit-${kind}-remaining`] = remaining;
      out[`anthropic-ratelimit-${kind}-reset`] = new Date(a.now + a.resetMs)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    } else {
      out[`x-ratelimit-limit-${kind}`] = String(limit);
      out[`x-ratelimit-remaining-${kind}`] = remaining;
      out[`x-ratelimit-reset-${kind}`] = openAIDuration(a.resetMs);
    }
  };
  if (policy.rpm !== undefined) put('requests', policy.rpm, a.requests);
  if (policy.tpm !== undefined) put('tokens', policy.tpm, a.tokens);
  return out;
}
