import { validationError, type Rejection } from '../engine/engine.errors';

/**
 * A small JSON-schema subset for model-native InvokeModel bodies. Bedrock validates those bodies with a
 * JSON-schema validator whose messages look like `#: required key [max_tokens] not found` and
 * `#: extraneous key [stream] is not permitted`, concatenated and wrapped as `Malformed input request:
 * …, please reformat your input and try again.` (docs/bedrock-protocol.md §6.3, public issue threads in engine.md).
 */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export interface FieldSpec {
  type: FieldType | FieldType[];
  enum?: (string | number)[];
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  items?: FieldSpec;
  object?: ObjectSpec;
}

export interface ObjectSpec {
  fields: Record<string, FieldSpec>;
  required?: string[];
  /** Reject keys that are not in `fields`. */
  closed?: boolean;
  /** A replacement violation for a missing required key (Claude's odd `messages` wording). */
  missing?: Record<string, string>;
}

const TYPE_NAMES: Record<FieldType, string> = {
  string: 'String',
  integer: 'Integer',
  number: 'Number',
  boolean: 'Boolean',
  array: 'JSONArray',
  object: 'JSONObject',
  any: 'Any',
};

function typeOf(value: unknown): FieldType {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'any';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as FieldType;
}

function typeOk(value: unknown, expected: FieldType): boolean {
  const actual = typeOf(value);
  return expected === 'any' || actual === expected || (expected === 'number' && actual === 'integer');
}

function foundName(value: unknown): string {
  return value === null ? 'Null' : TYPE_NAMES[typeOf(value)];
}

function checkField(value: unknown, spec: FieldSpec, at: string, out: string[]): void {
  const types = Array.isArray(spec.type) ? spec.type : [spec.type];
  if (!types.some((t) => typeOk(value, t))) {
    out.push(`${at}: expected type: ${TYPE_NAMES[types[0]]}, found: ${foundName(value)}`);
    return;
  }
  if (spec.enum && !spec.enum.includes(value as string | number))
    out.push(`${at}: ${String(value)} is not a valid enum value`);
  if (typeof value === 'string' && spec.minLength !== undefined && value.length < spec.minLength) {
    out.push(`${at}: expected minLength: ${spec.minLength}, actual: ${value.length}`);
  }
  if (typeof value === 'number') {
    if (spec.minimum !== undefined && value < spec.minimum)
      out.push(`${at}: ${value} is not greater or equal to ${spec.minimum}`);
    if (spec.maximum !== undefined && value > spec.maximum)
      out.push(`${at}: ${value} is not less or equal to ${spec.maximum}`);
  }
  if (Array.isArray(value)) {
    if (spec.minItems !== undefined && value.length < spec.minItems) {
      out.push(`${at}: expected minimum item count: ${spec.minItems}, found: ${value.length}`);
    }
    if (spec.maxItems !== undefined && value.length > spec.maxItems) {
      out.push(`${at}: expected maximum item count: ${spec.maxItems}, found: ${value.length}`);
    }
    if (spec.items) value.forEach((v, i) => checkField(v, spec.items!, `${at}/${i}`, out));
  }
  if (spec.object && typeOf(value) === 'object')
    checkObject(value as Record<string, unknown>, spec.object, at, out);
}

function checkObject(obj: Record<string, unknown>, spec: ObjectSpec, at: string, out: string[]): void {
  for (const key of spec.required ?? []) {
    if (obj[key] === undefined) out.push(spec.missing?.[key] ?? `${at}: required key [${key}] not found`);
  }
  if (spec.closed) {
    for (const key of Object.keys(obj))
      if (!(key in spec.fields)) out.push(`${at}: extraneous key [${key}] is not permitted`);
  }
  for (const [key, field] of Object.entries(spec.fields)) {
    if (obj[key] !== undefined) checkField(obj[key], field, `${at}/${key}`, out);
  }
}

export function malformedInput(violations: string[]): Rejection {
  return validationError(
    `Malformed input request: ${violations.join('')}, please reformat your input and try again.`,
  );
}

/** Validates a parsed native body; throws the joined violations as one ValidationException. */
export function checkNativeBody(body: unknown, spec: ObjectSpec): asserts body is Record<string, unknown> {
  const out: string[] = [];
  if (typeOf(body) !== 'object') out.push(`#: expected type: JSONObject, found: ${foundName(body)}`);
  else checkObject(body as Record<string, unknown>, spec, '#', out);
  if (out.length > 0) throw malformedInput(out);
}

/** Parses an InvokeModel body as JSON, reporting unparseable input as a malformed request. */
export function parseNativeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    // The validator's exact wording for syntax errors is not captured publicly [UNVERIFIED].
    throw malformedInput(['#: the request body is not valid JSON']);
  }
}
