/** What the metrics and the request log say about a route: its pattern, client dialect and GenAI operation. */
export interface RouteInfo {
  /** The registered route pattern (`/v1/chat/completions`), or `unmatched`: bounded by the routes that exist. */
  readonly route: string;
  /** The client protocol: `openai`, `anthropic`, or `none` (health, unknown paths). */
  readonly dialect: string;
  /** OpenTelemetry's `gen_ai.operation.name` for the route, or '' where no model is called. */
  readonly operation: string;
}

/**
 * Routes by their pattern. New dialects add a line here; a route missing from the table still gets its own
 * pattern as the label (bounded), with its dialect guessed from the path.
 */
const KNOWN: Record<string, Omit<RouteInfo, 'route'>> = {
  '/v1/chat/completions': { dialect: 'openai', operation: 'chat' },
  '/v1/completions': { dialect: 'openai', operation: 'text_completion' },
  '/v1/responses': { dialect: 'openai', operation: 'chat' },
  '/v1/embeddings': { dialect: 'openai', operation: 'embeddings' },
  '/v1/messages': { dialect: 'anthropic', operation: 'chat' },
  '/v1/messages/count_tokens': { dialect: 'anthropic', operation: '' },
};

export const UNMATCHED: RouteInfo = { route: 'unmatched', dialect: 'none', operation: '' };

const cache = new Map<string, RouteInfo>();

/** The (cached, shared) info for a route pattern; `undefined` (no route matched) is {@link UNMATCHED}. */
export function routeInfo(pattern: string | undefined): RouteInfo {
  if (pattern === undefined) return UNMATCHED;
  let info = cache.get(pattern);
  if (!info) {
    const known = KNOWN[pattern];
    info = {
      route: pattern,
      dialect: known?.dialect ?? (pattern.startsWith('/v1/') ? 'openai' : 'none'),
      operation: known?.operation ?? '',
    };
    cache.set(pattern, info);
  }
  return info;
}
