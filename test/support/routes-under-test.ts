import { expectErrorBody } from './openai-schema';

/**
 * The gateway's client-facing routes, one entry each, for the tests that throw the same hostile input at every
 * route (test/hardening/). A new route is one entry: its method and path, a minimal valid body, and the error
 * envelope its clients expect.
 */
export interface RouteUnderTest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** A small valid request body (POST routes). */
  body?: () => Record<string, unknown>;
  /** Numeric fields of the body, for out-of-range and unrepresentable numbers. */
  numericFields?: string[];
  /** Which error envelope the route answers in. */
  envelope: 'openai' | 'anthropic';
}

export const CHAT_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
export const EMBEDDING_MODEL = 'amazon.titan-embed-text-v2:0';

export const ROUTES: RouteUnderTest[] = [
  {
    name: 'chat completions',
    method: 'POST',
    path: '/v1/chat/completions',
    body: () => ({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 }),
    numericFields: ['max_tokens', 'max_completion_tokens', 'n', 'temperature', 'top_p'],
    envelope: 'openai',
  },
  {
    name: 'embeddings',
    method: 'POST',
    path: '/v1/embeddings',
    body: () => ({ model: EMBEDDING_MODEL, input: 'hi' }),
    numericFields: ['dimensions'],
    envelope: 'openai',
  },
  { name: 'models', method: 'GET', path: '/v1/models', envelope: 'openai' },
  { name: 'model', method: 'GET', path: `/v1/models/${CHAT_MODEL}`, envelope: 'openai' },
];

export const POST_ROUTES = ROUTES.filter((r) => r.method === 'POST');

/** Checks an error body is in the route's envelope, and hands back its message. */
export function envelopeMessage(route: RouteUnderTest, body: unknown): string {
  if (route.envelope === 'anthropic') {
    expect(body).toMatchObject({
      type: 'error',
      error: { type: expect.any(String), message: expect.any(String) },
    });
    return (body as { error: { message: string } }).error.message;
  }
  expectErrorBody(body);
  return (body as { error: { message: string } }).error.message;
}
