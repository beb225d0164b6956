import type { OperationEntry, ShapeEntry, ShapeTable, ShapeType } from '../src/validation/shape-table.types';

/** The subset of the botocore service-model JSON this builder reads. */
interface ModelMember {
  shape: string;
  location?: string;
  locationName?: string;
}

interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  member?: ModelMember;
  key?: ModelMember;
  value?: ModelMember;
  required?: string[];
  min?: number;
  max?: number;
  enum?: string[];
  pattern?: string;
  union?: boolean;
  document?: boolean;
  sensitive?: boolean;
  payload?: string;
}

export interface ServiceModel {
  metadata: { uid?: string; apiVersion: string };
  operations: Record<string, { input: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

// Patterns that accept everything are dropped: they cost time and can never fail.
const TRIVIAL_PATTERNS = new Set(['[\\s\\S]*', '.*', '[\\s\\S]+']);

function entryFor(shape: ModelShape): ShapeEntry {
  let type = shape.type as ShapeType;
  if (shape.type === 'structure' && shape.document) type = 'document';
  else if (shape.type === 'structure' && shape.union) type = 'union';
  const entry: ShapeEntry = { type };
  if (shape.min !== undefined) entry.min = shape.min;
  if (shape.max !== undefined) entry.max = shape.max;
  if (shape.enum) entry.enum = shape.enum;
  if (shape.pattern && !TRIVIAL_PATTERNS.has(shape.pattern)) entry.pattern = shape.pattern;
  if (shape.sensitive) entry.sensitive = true;
  if (shape.required?.length) entry.required = shape.required;
  if (shape.member) entry.member = shape.member.shape;
  if (shape.key) entry.key = shape.key.shape;
  if (shape.value) entry.value = shape.value.shape;
  return entry;
}

/**
 * Builds the constraint table for the given operations: every shape reachable from their inputs, with
 * types, required members, lengths, ranges, enums, non-trivial patterns, unions and documents. URI labels
 * and headers are listed per operation; the InvokeModel payload (raw bytes) is left to the model rules.
 */
export function buildShapeTable(model: ServiceModel, operations: string[], source: string): ShapeTable {
  const table: ShapeTable = { source, operations: {}, shapes: {} };
  const visit = (name: string): void => {
    if (table.shapes[name]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`shape ${name} is missing from the service model`);
    const entry = entryFor(shape);
    table.shapes[name] = entry;
    if (entry.type === 'document') return;
    for (const ref of [shape.member, shape.key, shape.value]) if (ref) visit(ref.shape);
    if (shape.members && (entry.type === 'structure' || entry.type === 'union')) {
      entry.members = {};
      for (const [member, ref] of Object.entries(shape.members)) {
        entry.members[member] = ref.shape;
        visit(ref.shape);
      }
    }
  };

  for (const op of operations) {
    const inputName = model.operations[op].input.shape;
    const input = model.shapes[inputName];
    const entry: OperationEntry = { input: inputName, labels: {}, headers: {} };
    const body: Record<string, ModelMember> = {};
    for (const [member, ref] of Object.entries(input.members ?? {})) {
      if (ref.location === 'uri') entry.labels[member] = ref.shape;
      else if (ref.location === 'header')
        entry.headers[member] = [(ref.locationName ?? member).toLowerCase(), ref.shape];
      else if (input.payload !== member) body[member] = ref;
      else continue;
      visit(ref.shape);
    }
    table.shapes[inputName] = {
      type: 'structure',
      members: Object.fromEntries(Object.entries(body).map(([m, ref]) => [m, ref.shape])),
      required: (input.required ?? []).filter((r) => r in body),
    };
    table.operations[op] = entry;
  }
  return table;
}
