const MESSAGES = '/v1/messages';
const MODELS = '/v1/models';

function startsWithSegment(url: string, prefix: string): boolean {
  if (!url.startsWith(prefix)) return false;
  const next = url[prefix.length];
  return next === undefined || next === '/' || next === '?';
}

/**
 * Requests answered in Anthropic's dialect: the Messages routes, and the model list when the caller speaks
 * Anthropic's API (its SDKs always send `anthropic-version`). The URL is the rewritten one (API_ROUTE_PREFIX
 * already mapped onto `/v1`).
 */
export function isAnthropicRequest(request: { url: string; headers: Record<string, unknown> }): boolean {
  const url = request.url;
  if (startsWithSegment(url, MESSAGES)) return true;
  return startsWithSegment(url, MODELS) && request.headers['anthropic-version'] !== undefined;
}
