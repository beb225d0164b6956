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
export const COMPLETION_MODEL = 'meta.llama3-1-70b-instruct-v1:0';

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
    name: 'completions',
    method: 'POST',
    path: '/v1/completions',
    body: () => ({ model: COMPLETION_MODEL, prompt: 'hi', max_tokens: 16 }),
    numericFields: ['max_tokens', 'n', 'temperature', 'top_p'],
    envelope: 'openai',
  },
  {
    name: 'responses',
    method: 'POST',
    path: '/v1/responses',
    body: () => ({ model: CHAT_MODEL, input: 'hi', max_output_tokens: 16 }),
    numericFields: ['max_output_tokens', 'temperature', 'top_p'],
    envelope: 'openai',
  },
  {
    name: 'anthropic messages',
    method: 'POST',
    path: '/v1/messages',
    body: () => ({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 }),
    numericFields: ['max_tokens', 'temperature', 'top_p', 'top_k'],
    envelope: 'anthropic',
  },
  {
    name: 'anthropic count_tokens',
    method: 'POST',
    path: '/v1/messages/count_tokens',
    body: () => ({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'hi' }] }),
    envelope: 'anthropic',
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
    expect(anthropicEnvelopeViolations(body)).toEqual([]);
    return (body as { error: { message: string } }).error.message;
  }
  expectErrorBody(body);
  return (body as { error: { message: string } }).error.message;
}

/**
 * What is wrong with an error body on an Anthropic route, against Anthropic's documented error shape
 * (`{"type":"error","error":{"type":…,"message":…}}`, the type one of the documented error types).
 */
export function anthropicEnvelopeViolations(body: unknown): string[] {
  const b = body as { type?: unknown; error?: { type?: unknown; message?: unknown } } | null;
  const found: string[] = [];
  if (b === null || typeof b !== 'object') return ['the body is not an object'];
  if (b.type !== 'error') found.push(`type is ${JSON.stringify(b.type)}, not "error"`);
  if (!ANTHROPIC_ERROR_TYPES.has(String(b.error?.type)))
    found.push(`error.type ${JSON.stringify(b.error?.type)} is not one of Anthropic's error types`);
  if (typeof b.error?.message !== 'string') found.push('error.message is not a string');
  return found;
}

const ANTHROPIC_ERROR_TYPES = new Set([
  'invalid_request_error',
  'authentication_error',
  'billing_error',
  'permission_error',
  'not_found_error',
  'request_too_large',
  'rate_limit_error',
  'timeout_error',
  'api_error',
  'overloaded_error',
]);
