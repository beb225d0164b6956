import type { ShapeEntry, ShapeTable } from './shape-table.types';
import { base64ByteLength } from '../generation/media.size';
import { violation, type Violations } from './violations';

/** Checks one value at one path, appending violations; `hidden` hides values of sensitive shapes. */
export type Check = (value: unknown, path: string, out: Violations, hidden: boolean) => void;

const NUMERIC = new Set(['integer', 'long', 'float', 'double']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Coral renders floating shapes like Java doubles ('7.0'), integers plainly. */
function render(value: unknown, entry: ShapeEntry): string {
  if (
    typeof value === 'number' &&
    (entry.type === 'float' || entry.type === 'double') &&
    Number.isInteger(value)
  ) {
    return `${value}.0`;
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function typeName(entry: ShapeEntry): string {
  if (NUMERIC.has(entry.type))
    return entry.type === 'integer' || entry.type === 'long' ? 'an integer' : 'a number';
  if (entry.type === 'list') return 'a list';
  if (entry.type === 'union' || entry.type === 'structure' || entry.type === 'map') return 'an object';
  return entry.type === 'boolean' ? 'a boolean' : 'a string';
}

function typeMatches(value: unknown, entry: ShapeEntry): boolean {
  switch (entry.type) {
    case 'string':
    case 'blob':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
    case 'double':
      return typeof value === 'number';
    case 'timestamp':
      return typeof value === 'number' || typeof value === 'string';
    case 'list':
      return Array.isArray(value);
    default:
      return isObject(value);
  }
}

/** Length of a string, blob (decoded bytes), list or map; undefined for other shapes. */
function sizeOf(value: unknown, entry: ShapeEntry): number | undefined {
  if (entry.type === 'string') return (value as string).length;
  if (entry.type === 'blob') return base64ByteLength(value as string);
  if (entry.type === 'list') return (value as unknown[]).length;
  if (entry.type === 'map') return Object.keys(value as object).length;
  return undefined;
}

/**
 * Compiles the constraint table into one closure per shape, once, at module load: validating a request
 * is then a walk over the body with no lookups by name and no copies.
 */
export function compileShapes(table: ShapeTable): (shape: string) => Check {
  const compiled = new Map<string, Check>();

  const lazy = (name: string): Check => {
    let check: Check | undefined;
    return (value, path, out, hidden) => (check ??= get(name))(value, path, out, hidden);
  };

  const get = (name: string): Check => {
    const existing = compiled.get(name);
    if (existing) return existing;
    const check = compile(table.shapes[name]);
    compiled.set(name, check);
    return check;
  };

  const compile = (entry: ShapeEntry): Check => {
    if (entry.type === 'document') return () => undefined;
    const pattern = entry.pattern ? new RegExp(`^(?:${entry.pattern})$`) : undefined;
    const enumSet = entry.enum ? new Set(entry.enum) : undefined;
    const members = Object.entries(entry.members ?? {}).map(([m, shape]) => [m, lazy(shape)] as const);
    const required = entry.required ?? [];
    const element = entry.member ? lazy(entry.member) : undefined;
    const mapKey = entry.key ? lazy(entry.key) : undefined;
    const mapValue = entry.value ? lazy(entry.value) : undefined;
    const sensitive = entry.sensitive === true;

    return (value, path, out, hiddenAbove) => {
      const hidden = hiddenAbove || sensitive;
      const fail = (constraint: string) =>
        out.push(violation(hidden ? undefined : render(value, entry), path, constraint));
      if (!typeMatches(value, entry)) return fail(`Member must be ${typeName(entry)}`);
      const size = sizeOf(value, entry);
      if (size !== undefined) {
        if (entry.min !== undefined && size < entry.min)
          fail(`Member must have length greater than or equal to ${entry.min}`);
        if (entry.max !== undefined && size > entry.max)
          fail(`Member must have length less than or equal to ${entry.max}`);
      } else if (typeof value === 'number') {
        if (entry.min !== undefined && value < entry.min)
          fail(`Member must have value greater than or equal to ${entry.min}`);
        if (entry.max !== undefined && value > entry.max)
          fail(`Member must have value less than or equal to ${entry.max}`);
      }
      if (enumSet && !enumSet.has(value as string))
        fail(`Member must satisfy enum value set: [${entry.enum!.join(', ')}]`);
      if (pattern && !pattern.test(value as string))
        fail(`Member must satisfy regular expression pattern: ${entry.pattern}`);

      if (element) (value as unknown[]).forEach((v, i) => element(v, `${path}.${i + 1}.member`, out, hidden));
      if (mapKey && mapValue) {
        for (const [k, v] of Object.entries(value as object)) {
          mapKey(k, path, out, hidden);
          mapValue(v, `${path}.${k}`, out, hidden);
        }
      }
      if (members.length === 0) return;
      const obj = value as Record<string, unknown>;
      const prefix = path === '' ? '' : `${path}.`;
      let set = 0;
      for (const [m, check] of members) {
        const v = obj[m];
        if (v === undefined || v === null) continue;
        set++;
        check(v, prefix + m, out, hidden);
      }
      for (const m of required) {
        if (obj[m] === undefined || obj[m] === null)
          out.push(violation(null, prefix + m, 'Member must not be null'));
      }
      if (entry.type === 'union' && set !== 1) fail('Member must have exactly one member set');
    };
  };

  return get;
}
