import { compileShapes } from './shape.compiler';
import type { ShapeTable } from './shape-table.types';
import table from './shapes.table.json';
import { violation, violationsError, type Violations } from './violations';

// JSON imports widen tuples to arrays, hence the double assertion; the table's type is fixed by its generator.
const shapes = table as unknown as ShapeTable;
const checkOf = compileShapes(shapes);

export type ShapeOperation =
  'Converse' | 'ConverseStream' | 'CountTokens' | 'InvokeModel' | 'InvokeModelWithResponseStream';

/**
 * Validates a runtime request against the service model's constraints (generated table): the body,
 * the headers bound to members, and the length of the `modelId` label. Whether an id exists is a
 * semantic check (docs/bedrock-protocol.md §2.1: its pattern accepts almost anything), so label patterns are skipped.
 */
export function validateShape(
  operation: ShapeOperation,
  body: Record<string, unknown> | undefined,
  modelId: string,
  headers: Record<string, string> = {},
): void {
  const op = shapes.operations[operation];
  const out: Violations = [];
  const { min, max } = shapes.shapes[op.labels.modelId];
  if (min !== undefined && modelId.length < min) {
    out.push(violation(modelId, 'modelId', `Member must have length greater than or equal to ${min}`));
  }
  if (max !== undefined && modelId.length > max) {
    out.push(violation(modelId, 'modelId', `Member must have length less than or equal to ${max}`));
  }
  for (const [member, [header, shape]] of Object.entries(op.headers)) {
    const value = headers[header];
    if (value !== undefined && member !== 'contentType' && member !== 'accept')
      checkOf(shape)(value, member, out, false);
  }
  if (body) checkOf(op.input)(body, '', out, false);
  if (out.length > 0) throw violationsError(out);
}
