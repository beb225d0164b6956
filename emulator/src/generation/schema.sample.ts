/**
 * Builds a deterministic JSON value that satisfies a JSON Schema: tool-call inputs and structured
 * output both come from here (rules in emulator/docs/engine.md). It covers what tool schemas use in
 * practice: objects with required properties, enums/const, strings (with formats and lengths), numbers
 * within bounds, booleans, arrays (minItems), nullable type lists, anyOf/oneOf/allOf and local $refs.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

const STRING_FORMATS: Record<string, string> = {
  date: '2024-01-01',
  'date-time': '2024-01-01T00:00:00Z',
  time: '00:00:00',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const defs = match ? root[match[1]] : undefined;
  const target = isSchema(defs) ? defs[match![2]] : undefined;
  return isSchema(target) ? target : {};
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null') ?? 'null';
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function sampleString(schema: Schema, key: string): string {
  const format = typeof schema.format === 'string' ? STRING_FORMATS[schema.format] : undefined;
  let s = format ?? `${key || 'value'}-sample`;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (s.length < min) s = s + 'x'.repeat(min - s.length);
  return s.length > max ? s.slice(0, max) : s;
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let n = min ?? (exMin !== undefined ? exMin + 1 : integer ? 1 : 1.5);
  if (max !== undefined && n > max) n = max;
  return integer ? Math.ceil(n) : n;
}

function sample(schema: Schema, root: Schema, key: string, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') return sample(resolveRef(schema.$ref, root), root, key, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[combinator];
    if (Array.isArray(options) && isSchema(options[0]) && typeOf(schema) === undefined) {
      const merged = combinator === 'allOf' ? Object.assign({}, ...options.filter(isSchema)) : options[0];
      return sample(merged, root, key, depth + 1);
    }
  }
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, root, depth);
    case 'array': {
      const items = isSchema(schema.items) ? schema.items : {};
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      return Array.from({ length: count }, () => sample(items, root, key, depth + 1));
    }
    case 'string':
      return sampleString(schema, key);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema, key);
  }
}

function sampleObject(schema: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [];
  const out: Record<string, unknown> = {};
  for (const name of required) {
    const prop = properties[name];
    out[name] = sample(isSchema(prop) ? prop : {}, root, name, depth + 1);
  }
  return out;
}

/** A value valid against `schema` (an object schema yields its required properties). */
export function sampleFromSchema(schema: unknown): unknown {
  return isSchema(schema) ? sample(schema, schema, '', 0) : {};
}
