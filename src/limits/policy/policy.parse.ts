import type { parse as YamlParse } from 'yaml';
import type { FallbackMap, KeyPolicy, PolicyDocument } from './key-policy';

/** A policy document that cannot be used; the message names the field and what is wrong with it. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

const TOP_FIELDS = ['keys', 'fallbacks', 'context_fallbacks'];
const KEY_FIELDS = ['name', 'key', 'key_sha256', 'models', 'rpm', 'tpm', 'max_concurrent', 'budget'];
const BUDGET_FIELDS = ['tokens', 'period'];
// Names become part of Redis keys (inside a `{…}` hash tag) and log fields: keep them plain.
const NAME = /^[\w.@-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/i;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function fieldsOf(value: unknown, where: string, allowed: string[]): Obj {
  if (!isObject(value)) throw new PolicyError(`${where} must be a mapping`);
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new PolicyError(
      `${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} ` +
        `(allowed: ${allowed.join(', ')})`,
    );
  }
  return value;
}

function positiveInt(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new PolicyError(`${where} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new PolicyError(`${where} must be a list of non-empty strings`);
  }
  return value.map((v: string) => v.trim());
}

function parseKey(raw: unknown, i: number): PolicyDocument['keys'][number] {
  const where = `keys[${i}]`;
  const f = fieldsOf(raw, where, KEY_FIELDS);
  if (typeof f.name !== 'string' || !NAME.test(f.name)) {
    throw new PolicyError(`${where}.name must be 1-64 letters, digits or . _ @ -`);
  }
  const hasKey = f.key !== undefined;
  const hasDigest = f.key_sha256 !== undefined;
  if (hasKey === hasDigest) throw new PolicyError(`${where} needs exactly one of 'key' or 'key_sha256'`);
  if (hasKey && (typeof f.key !== 'string' || f.key.length === 0)) {
    throw new PolicyError(`${where}.key must be a non-empty string`);
  }
  if (hasDigest && (typeof f.key_sha256 !== 'string' || !SHA256.test(f.key_sha256))) {
    throw new PolicyError(`${where}.key_sha256 must be 64 hex digits (the SHA-256 of the key)`);
  }
  const policy: KeyPolicy = { name: f.name };
  const models = stringList(f.models, `${where}.models`);
  if (models) policy.models = models;
  const rpm = positiveInt(f.rpm, `${where}.rpm`);
  const tpm = positiveInt(f.tpm, `${where}.tpm`);
  const maxConcurrent = positiveInt(f.max_concurrent, `${where}.max_concurrent`);
  if (rpm !== undefined) policy.rpm = rpm;
  if (tpm !== undefined) policy.tpm = tpm;
  if (maxConcurrent !== undefined) policy.maxConcurrent = maxConcurrent;
  if (f.budget !== undefined) {
    const b = fieldsOf(f.budget, `${where}.budget`, BUDGET_FIELDS);
    const tokens = positiveInt(b.tokens, `${where}.budget.tokens`);
    if (tokens === undefined) throw new PolicyError(`${where}.budget.tokens is required`);
    if (b.period !== 'day' && b.period !== 'month') {
      throw new PolicyError(`${where}.budget.period must be 'day' or 'month'`);
    }
    policy.budget = { tokens, period: b.period };
  }
  return {
    policy,
    ...(hasKey ? { key: f.key as string } : { keySha256: (f.key_sha256 as string).toLowerCase() }),
  };
}

function parseFallbacks(raw: unknown, where: string): FallbackMap {
  const out = Object.create(null) as FallbackMap;
  if (raw === undefined) return out;
  if (!isObject(raw)) throw new PolicyError(`${where} must be a mapping of model → list of models`);
  for (const [model, chain] of Object.entries(raw)) {
    const list = stringList(chain, `${where}.${model}`);
    if (!list || list.length === 0) throw new PolicyError(`${where}.${model} must list at least one model`);
    out[model] = list;
  }
  return out;
}

/** Validates an already-parsed policy document. */
export function toPolicyDocument(raw: unknown, where: string): PolicyDocument {
  let doc: PolicyDocument;
  try {
    const top = fieldsOf(raw, 'the policy', TOP_FIELDS);
    if (!Array.isArray(top.keys) || top.keys.length === 0) {
      throw new PolicyError("'keys' must be a non-empty list");
    }
    doc = {
      keys: top.keys.map(parseKey),
      fallbacks: parseFallbacks(top.fallbacks, 'fallbacks'),
      contextFallbacks: parseFallbacks(top.context_fallbacks, 'context_fallbacks'),
    };
  } catch (err) {
    if (err instanceof PolicyError) throw new PolicyError(`${where}: ${err.message}`);
    throw err;
  }
  const names = doc.keys.map((k) => k.policy.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new PolicyError(`${where}: the key name '${twice}' is used twice`);
  return doc;
}

/**
 * The YAML parser, loaded on first use: only gateways with a policy document need it, and loading it is a
 * noticeable share of start-up.
 */
function parseYaml(text: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as { parse: typeof YamlParse };
  return parse(text);
}

/** Parses a policy document written in YAML or JSON (JSON is YAML, so one parser reads both). */
export function parsePolicy(text: string, where: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new PolicyError(
      `${where} does not parse as YAML or JSON: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return toPolicyDocument(raw, where);
}

/** True when a stored value is a policy document rather than a bare key or Bedrock Access Gateway's `{"api_key"}`. */
export const looksLikePolicy = (text: string): boolean => /^\s*(\{\s*)?"?keys"?\s*:/m.test(text);
