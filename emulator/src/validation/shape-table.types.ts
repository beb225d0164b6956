/**
 * The compact, documentation-free constraint table generated from the Bedrock Runtime service model
 * (emulator/scripts/build-shape-table.ts) and read by shape.validator.ts.
 */
export type ShapeType =
  | 'structure'
  | 'union'
  | 'document'
  | 'list'
  | 'map'
  | 'string'
  | 'blob'
  | 'boolean'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'timestamp';

export interface ShapeEntry {
  type: ShapeType;
  /** structure/union body members: member name → shape name. */
  members?: Record<string, string>;
  required?: string[];
  /** list element, or map key/value shape names. */
  member?: string;
  key?: string;
  value?: string;
  min?: number;
  max?: number;
  enum?: string[];
  pattern?: string;
  /** Sensitive shapes hide their values in error messages. */
  sensitive?: boolean;
}

export interface OperationEntry {
  input: string;
  /** URI labels: member name → shape name (validated for length only; ids are checked semantically). */
  labels: Record<string, string>;
  /** HTTP headers: member name → [lower-case header name, shape name]. */
  headers: Record<string, [string, string]>;
}

export interface ShapeTable {
  source: string;
  operations: Record<string, OperationEntry>;
  shapes: Record<string, ShapeEntry>;
}
