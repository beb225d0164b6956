import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { schemaViolations } from './openai-schema';

/**
 * Checks every response a test gateway sends — whichever client asked (openai, LangChain, raw fetch) — against
 * OpenAI's published schemas: bodies, each SSE frame, and errors. It listens on the gateway's Node server, so
 * nothing in the gateway knows about it; violations are collected and fail the test that caused them
 * (see gateway.harness.ts).
 */

export interface RouteSchemas {
  /** Matches the request path (query stripped, any base path such as /api/v1 included). */
  path: RegExp;
  method?: string;
  /** Schema of a 2xx JSON body. */
  body?: string;
  /** Schema of each SSE `data:` payload (the `[DONE]` marker aside). */
  chunk?: string;
  /** Schema of an error body and of an error frame in a stream. */
  error: string;
  /** Undoes what the real API does differently from its published schema before validating a 2xx body. */
  normalize?: (body: unknown) => unknown;
  /** Applied to each SSE chunk before it is checked. */
  normalizeChunk?: (chunk: Record<string, unknown>) => unknown;
}

/**
 * With `encoding_format: "base64"` (the openai client's default) OpenAI answers each embedding as base64 of
 * little-endian float32s, which its schema does not describe: decoded here, so a malformed string still fails.
 */
function decodeBase64Embeddings(body: unknown): unknown {
  const data = (body as { data?: { embedding?: unknown }[] } | undefined)?.data;
  if (!Array.isArray(data)) return body;
  return {
    ...(body as object),
    data: data.map((item) => {
      if (typeof item?.embedding !== 'string') return item;
      const bytes = Buffer.from(item.embedding, 'base64');
      const valid = bytes.length % 4 === 0 && bytes.toString('base64') === item.embedding;
      return {
        ...item,
        embedding: valid
          ? Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4))
          : item.embedding,
      };
    }),
  };
}

const OPENAI_ERROR = 'ErrorResponse';

/**
 * OpenAI's spec describes a legacy completions stream chunk with the non-stream schema, while its API (and
 * the openai SDK's Completion type) sends `finish_reason: null` until the last chunk and `usage: null` before
 * the usage chunk. Those two nulls are the stream's, and everything else is held to the schema.
 */
function completionChunkAsResponse(chunk: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = { ...chunk };
  if (out.usage === null) delete out.usage;
  if (Array.isArray(out.choices)) {
    out.choices = out.choices.map((c: Record<string, unknown>) =>
      c.finish_reason === null ? { ...c, finish_reason: 'stop' } : c,
    );
  }
  return out;
}

/**
 * One entry per route; first match wins. A new route is one line here (Anthropic's routes, once they exist,
 * bring their own error schema).
 */
export const ROUTE_SCHEMAS: RouteSchemas[] = [
  {
    path: /\/chat\/completions$/,
    body: 'CreateChatCompletionResponse',
    chunk: 'CreateChatCompletionStreamResponse',
    error: OPENAI_ERROR,
  },
  {
    path: /\/completions$/,
    body: 'CreateCompletionResponse',
    chunk: 'CreateCompletionResponse',
    error: OPENAI_ERROR,
    normalizeChunk: completionChunkAsResponse,
  },
  {
    path: /\/embeddings$/,
    body: 'CreateEmbeddingResponse',
    error: OPENAI_ERROR,
    normalize: decodeBase64Embeddings,
  },
  { path: /\/models$/, method: 'GET', body: 'ListModelsResponse', error: OPENAI_ERROR },
  { path: /\/models\/.+$/, method: 'GET', body: 'Model', error: OPENAI_ERROR },
  { path: /\/responses$/, body: 'Response', chunk: 'ResponseStreamEvent', error: OPENAI_ERROR },
  // Anthropic's Messages routes (and any path under them) answer in Anthropic's shapes, which their own
  // specs check (test/anthropic, test/hardening).
  { path: /\/messages(\/|$)/, error: '' },
  // Health probes answer their own small shapes, not OpenAI's.
  { path: /^\/(health|ready)$/, error: '' },
  // Anything else (unknown routes, methods) still answers errors in OpenAI's envelope.
  { path: /./, error: OPENAI_ERROR },
];

const violations: string[] = [];

/** Violations seen since the last call, cleared. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** Data payloads of complete SSE events (a stream cut short leaves its last, partial event out). */
function sseData(text: string): string[] {
  const events = text.split(/\r?\n\r?\n/);
  events.pop(); // incomplete (or empty) tail
  return events
    .map((event) =>
      event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    )
    .filter((data) => data !== ''); // comments (keep-alives) and events without data
}

function check(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  report: (line: string) => void,
  extra: RouteSchemas[],
): void {
  const method = req.method ?? 'GET';
  const path = (req.url ?? '/').split('?')[0];
  const route = [...extra, ...ROUTE_SCHEMAS].find(
    (r) => r.path.test(path) && (!r.method || r.method === method),
  );
  if (!route || method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return;
  // The model list in Anthropic's shape (asked for with anthropic-version) is not OpenAI's to judge.
  if (req.headers['anthropic-version'] !== undefined && /\/models(\/|$)/.test(path)) return;
  const where = `${method} ${path} → ${res.statusCode}`;
  // Headers given straight to writeHead (as Fastify does on some paths) are only in the header block sent.
  const sent = (res as unknown as { _header?: string })._header ?? '';
  const type = String(res.getHeader('content-type') ?? /^content-type:\s*(.*)$/im.exec(sent)?.[1] ?? '');
  const failed = res.statusCode >= 400;
  if (failed && route.error === '') return;
  const validate = (json: unknown, schema: string, what: string) => {
    const found = schemaViolations(json, schema);
    if (found.length > 0)
      report(`${where}: ${what} violates ${schema}:\n    ${found.slice(0, 8).join('\n    ')}`);
  };
  const parse = (text: string, what: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      report(`${where}: ${what} is not JSON: ${text.slice(0, 200)}`);
      return undefined;
    }
  };
  if (type.startsWith('text/event-stream')) {
    for (const [index, data] of sseData(body).entries()) {
      if (data === '[DONE]') continue;
      const json = parse(data, `SSE frame ${index}`) as Record<string, unknown> | undefined;
      if (json === undefined) continue;
      if (json && typeof json === 'object' && 'error' in json) {
        if (route.error) validate(json, route.error, `SSE error frame ${index}`);
      } else if (route.chunk)
        validate(route.normalizeChunk ? route.normalizeChunk(json) : json, route.chunk, `SSE frame ${index}`);
    }
    return;
  }
  if (failed) {
    if (!type.includes('json')) {
      report(`${where}: error answered as ${type || 'no content type'}, not JSON: ${body.slice(0, 200)}`);
      return;
    }
    const json = parse(body, 'error body');
    if (json !== undefined) validate(json, route.error, 'error body');
    return;
  }
  if (route.body && type.includes('json')) {
    const json = parse(body, 'body');
    if (json !== undefined) validate(route.normalize ? route.normalize(json) : json, route.body, 'body');
  }
}

/**
 * Records what `server` writes on every response and checks it when the response is done (or cut).
 * `extra` routes are tried before the built-in table.
 */
export function watchResponses(server: Server, extra: RouteSchemas[] = []): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      parts.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
      );
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as typeof res.end;
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      try {
        check(req, res, Buffer.concat(parts).toString('utf8'), (line) => violations.push(line), extra);
      } catch (err) {
        violations.push(`${req.method} ${req.url}: conformance check failed: ${(err as Error).message}`);
      }
    };
    res.on('finish', settle);
    res.on('close', settle);
  });
}
