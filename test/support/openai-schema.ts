import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { parse as parseYaml } from 'yaml';

/**
 * Validates what the gateway answers against OpenAI's published OpenAPI document
 * (`shared/specs/openai-openapi.yaml`, beside the clone), so strict clients and schema validators would accept
 * it: `expectSchema(body, 'CreateChatCompletionResponse')`, `expectSseFrames(json, 'CreateChatCompletionStreamResponse')`,
 * `expectErrorBody(body)`.
 *
 * The document is OpenAPI 3.1 (JSON Schema 2020-12) with some 3.0 habits left in: `nullable: true`,
 * `discriminator`, formats such as `unixtime`, vendor keywords (`x-stainless-const`, …). It is rewritten once
 * into plain JSON Schema and cached on disk (parsing the 3 MB YAML takes seconds; every test file would pay it);
 * each named schema is compiled on first use and kept.
 */

const ROOT_ID = 'https://openai-openapi.invalid/spec.json';
const SPEC_TAIL = join('shared', 'specs', 'openai-openapi.yaml');
const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** The spec's path: `OPENAI_OPENAPI_SPEC`, else `shared/specs/…` in the nearest ancestor of the project holding it. */
export function openaiSpecPath(): string {
  const fromEnv = process.env.OPENAI_OPENAPI_SPEC;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`OPENAI_OPENAPI_SPEC points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const tried: string[] = [];
  // CI clones the project beside shared/ (../shared); a git worktree may sit one or more levels deeper.
  for (let dir = dirname(PROJECT_ROOT); ; dir = dirname(dir)) {
    const candidate = join(dir, SPEC_TAIL);
    tried.push(candidate);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `OpenAI's OpenAPI spec was not found: looked for ${SPEC_TAIL} beside the project (${tried.join(', ')}). ` +
      'CI checks shared/ out beside the clone; set OPENAI_OPENAPI_SPEC to use a copy elsewhere.',
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rewrites one OpenAPI schema object (and everything under it) into JSON Schema 2020-12:
 * - `nullable: true` adds `null` to `type` (and to `enum`), or wraps a type-less schema in `anyOf [.., null]`;
 * - `discriminator` is dropped: it only tells code generators which `oneOf` branch to try first, and every
 *   branch in this document already pins the tag with an `enum`, so `oneOf` alone decides the same thing;
 * - `example`, `x-*` and an empty `format:` are annotations Ajv would otherwise trip over.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example' || key === 'nullable' || key.startsWith('x-')) continue;
    if (key === 'format' && typeof value !== 'string') continue;
    if (VALUES.has(key)) out[key] = value;
    else if (NAMED_SCHEMAS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    } else out[key] = toJsonSchema(value);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type)) {
    if (!out.type.includes('null')) out.type = [...out.type, 'null'];
  } else {
    const { description, title, ...rest } = out;
    return {
      ...(description === undefined ? {} : { description }),
      ...(title === undefined ? {} : { title }),
      anyOf: [rest, { type: 'null' }],
    };
  }
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

/** Keywords whose value maps names (which may be anything, `example` included) to schemas. */
const NAMED_SCHEMAS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);
/** Keywords whose value is data, not a schema: copied untouched. */
const VALUES = new Set(['enum', 'const', 'default', 'examples', 'required', 'description', 'title']);

/** Converted `components.schemas`, from the disk cache when the spec is unchanged. */
function loadSchemas(): JsonObject {
  const specPath = openaiSpecPath();
  const text = readFileSync(specPath, 'utf8');
  // The converter's own source is part of the key, so changing the rewrite invalidates old caches.
  const digest = createHash('sha256').update(text).update(toJsonSchema.toString()).digest('hex').slice(0, 16);
  const cacheDir = join(PROJECT_ROOT, 'node_modules', '.cache', 'openai-schema');
  const cacheFile = join(cacheDir, `${digest}.json`);
  if (existsSync(cacheFile)) {
    try {
      return JSON.parse(readFileSync(cacheFile, 'utf8')) as JsonObject;
    } catch {
      // A torn or foreign file: rebuild it below.
    }
  }
  const doc = parseYaml(text, { maxAliasCount: -1 }) as { components?: { schemas?: Json } };
  const schemas = doc.components?.schemas;
  if (!isObject(schemas)) throw new Error(`${specPath} has no components.schemas`);
  const converted = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
  );
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Jest workers may race to write it: write aside, then rename (atomic on one filesystem).
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(converted));
    renameSync(partial, cacheFile);
  } catch {
    // Caching is an optimisation only (a read-only checkout still validates).
  }
  return converted;
}

/** Formats the spec names. Those that constrain nothing a test could get wrong are accepted as annotations. */
const FORMATS = {
  unixtime: (v: number) => Number.isInteger(v) && v >= 0,
  int32: (v: number) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  int64: (v: number) => Number.isInteger(v),
  float: true,
  double: true,
  binary: true,
  byte: true,
  png: true,
  password: true,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': (v: string) => !Number.isNaN(Date.parse(v)),
  uri: (v: string) => URL.canParse(v),
  email: /^[^\s@]+@[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function engine(): Ajv2020 {
  if (ajv) return ajv;
  const schemas = loadSchemas();
  const instance = new Ajv2020({
    // Unknown keywords (`components`, `deprecated`, …) are annotations here, not mistakes in our own schema.
    strict: false,
    allErrors: true,
    // A format the spec gains later validates nothing rather than failing every test.
    formats: Object.fromEntries(
      [...collectFormats(schemas)].map((name) => [name, (FORMATS as Record<string, unknown>)[name] ?? true]),
    ) as Record<string, true>,
    // Some patterns in the spec are written for JavaScript's non-unicode regexes.
    unicodeRegExp: false,
  });
  for (const [name, format] of Object.entries(FORMATS)) {
    if (!instance.formats[name]) instance.addFormat(name, format as never);
  }
  instance.addSchema({ $id: ROOT_ID, components: { schemas } });
  ajv = instance;
  return instance;
}

function collectFormats(node: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectFormats(item, into);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') into.add(value);
      else collectFormats(value, into);
    }
  }
  return into;
}

/** The compiled validator of `components.schemas[name]` (compiled on first use, then cached). */
export function openaiValidator(name: string): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  const validate = engine().getSchema(`${ROOT_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`OpenAI's spec has no schema named ${name}`);
  validators.set(name, validate);
  return validate;
}

/** Ajv's errors as short lines (`/choices/0/system_fingerprint must be string (got null)`), deepest first. */
function describe(errors: ErrorObject[], body: unknown): string[] {
  const valueAt = (pointer: string): unknown => {
    let node: unknown = body;
    for (const part of pointer.split('/').slice(1)) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node =
        isObject(node as Json) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  };
  const lines = [...errors]
    // oneOf/anyOf failures repeat every branch's complaint; the deepest paths say most.
    .sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length)
    .map((e) => {
      const got = JSON.stringify(valueAt(e.instancePath)) ?? 'undefined';
      const params =
        e.keyword === 'additionalProperties' || e.keyword === 'required'
          ? ` ${JSON.stringify(e.params)}`
          : '';
      return `${e.instancePath || '(root)'} ${e.message}${params} (got ${got.length > 120 ? `${got.slice(0, 117)}...` : got}) [${e.schemaPath}]`;
    });
  return [...new Set(lines)];
}

/** The violations of `body` against the named schema (empty when it conforms). */
export function schemaViolations(body: unknown, name: string): string[] {
  const validate = openaiValidator(name);
  if (validate(body)) return [];
  return describe(validate.errors ?? [], body);
}

/** Fails the test, listing each violation, when `body` does not conform to OpenAI's schema `name`. */
export function expectSchema<T = unknown>(body: T, name: string): T {
  const violations = schemaViolations(body, name);
  if (violations.length > 0) {
    const shown = violations.slice(0, 12);
    const more = violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : '';
    throw new Error(
      `Body does not conform to OpenAI's ${name}:\n  ${shown.join('\n  ')}${more}\n` +
        `Body: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  return body;
}

/** An error body (`{"error":{message,type,param,code}}`) against OpenAI's ErrorResponse. */
export function expectErrorBody<T = unknown>(body: T): T {
  return expectSchema(body, 'ErrorResponse');
}

/**
 * One SSE `data:` payload (a string, `[DONE]` included, or already parsed JSON) of an OpenAI stream: a chunk
 * against `chunkSchema`, or, when it carries `error`, the error frame the gateway ends a failed stream with.
 */
export function expectSseFrame(frame: unknown, chunkSchema = 'CreateChatCompletionStreamResponse'): void {
  if (frame === '[DONE]') return;
  const json = typeof frame === 'string' ? (JSON.parse(frame) as unknown) : frame;
  if (isObject(json as Json) && 'error' in (json as JsonObject)) expectErrorBody(json);
  else expectSchema(json, chunkSchema);
}

/** Every frame of a stream, as `expectSseFrame` checks one. */
export function expectSseFrames(
  frames: readonly unknown[],
  chunkSchema = 'CreateChatCompletionStreamResponse',
): void {
  frames.forEach((frame, index) => {
    try {
      expectSseFrame(frame, chunkSchema);
    } catch (err) {
      throw new Error(`SSE frame ${index}: ${(err as Error).message}`);
    }
  });
}
