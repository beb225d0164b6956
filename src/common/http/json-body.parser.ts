import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/api-error';
import { describeJsonProblem, inspectJson } from './json-body.inspect';

/**
 * The JSON body parser every route shares, in place of Fastify's: besides parsing it refuses, each with a 400
 * in the route's envelope (the error filter), what would otherwise be silently changed or fail deeper down —
 * bytes that are not UTF-8 (Fastify decodes them to U+FFFD and carries on), nesting deeper than the gateway
 * walks safely, duplicate keys, and `__proto__` keys (prototype poisoning, as Fastify refuses them too).
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) {
    throw new ApiError(400, 'The request body is empty; send a JSON object.', { code: 'invalid_json' });
  }
  if (!isUtf8(body)) {
    throw new ApiError(400, 'The request body is not valid UTF-8.', { code: 'invalid_encoding' });
  }
  // A byte-order mark is valid UTF-8 but not JSON; some Windows tools write one.
  const text = body.toString('utf8', body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof SyntaxError ? ` (${err.message})` : '';
    throw new ApiError(400, `The request body is not valid JSON${detail}.`, { code: 'invalid_json' });
  }
  const problem = inspectJson(text);
  if (problem) {
    throw new ApiError(400, describeJsonProblem(problem), {
      code: problem.kind === 'depth' ? 'json_too_deep' : 'duplicate_key',
    });
  }
  if (text.includes('"__proto__"') && /"__proto__"\s*:/.test(text)) {
    throw new ApiError(
      400,
      "The request body contains a '__proto__' key, which the gateway does not accept.",
      {
        code: 'invalid_json',
      },
    );
  }
  return parsed;
}

/** Replaces Fastify's `application/json` parser with {@link parseJsonBody}. */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  // Fastify would also accept text/plain as a string; the API takes JSON only, so that is a 415 like the rest.
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as unknown as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
