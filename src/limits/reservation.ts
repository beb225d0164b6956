/**
 * Output tokens a request reserves against its key's tpm and budget when admitted, read from the JSON body
 * in a dialect-neutral way before any route validates it: the first positive integer among the max-token
 * fields of OpenAI chat (`max_completion_tokens`, `max_tokens`), completions and Anthropic Messages
 * (`max_tokens`) and Responses (`max_output_tokens`), times `n` choices. A request naming none reserves the
 * default. Embeddings produce no output and reserve nothing. The prompt is not estimated up front (a byte
 * count would price an inline image at thousands of tokens); it is counted once the real usage is known.
 */
const FIELDS = ['max_completion_tokens', 'max_tokens', 'max_output_tokens'] as const;

const positiveInt = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined;

export function reservationFor(path: string, body: unknown, defaultTokens: number): number {
  if (path.endsWith('/embeddings')) return 0;
  if (body === null || typeof body !== 'object') return defaultTokens;
  const b = body as Record<string, unknown>;
  let tokens: number | undefined;
  for (const f of FIELDS) {
    tokens = positiveInt(b[f]);
    if (tokens !== undefined) break;
  }
  const n = Math.min(positiveInt(b.n) ?? 1, 128);
  return (tokens ?? defaultTokens) * n;
}
