import type { FaultSpec } from './fault.types';

const KINDS = new Set(['error', 'stream-error', 'latency', 'stall', 'drop', 'slice']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function stringOrStrings(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** Checks a fault arriving from code or over the control API; returns a reason when it is unusable. */
export function faultProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'a fault must be an object';
  if (typeof value.kind !== 'string' || !KINDS.has(value.kind))
    return `unknown fault kind ${String(value.kind)}`;
  if (
    value.times !== undefined &&
    value.times !== 'always' &&
    !(nonNegativeInteger(value.times) && Number(value.times) > 0)
  ) {
    return "times must be a positive integer or 'always'";
  }
  if (value.match !== undefined) {
    if (!isRecord(value.match)) return 'match must be an object';
    if (value.match.operation !== undefined && !stringOrStrings(value.match.operation))
      return 'match.operation must be a string or strings';
    if (value.match.modelId !== undefined && !stringOrStrings(value.match.modelId))
      return 'match.modelId must be a string or strings';
  }
  if (value.afterEvents !== undefined && !nonNegativeInteger(value.afterEvents))
    return 'afterEvents must be a non-negative integer';
  switch (value.kind) {
    case 'error':
      return typeof value.errorType === 'string' && value.errorType !== ''
        ? undefined
        : 'error faults need errorType';
    case 'latency':
      return nonNegativeInteger(value.ms) ? undefined : 'latency faults need ms (non-negative integer)';
    case 'slice':
      return nonNegativeInteger(value.bytes) && Number(value.bytes) > 0
        ? undefined
        : 'slice faults need bytes (positive integer)';
    default:
      return undefined;
  }
}

export function assertFault(value: unknown): asserts value is FaultSpec {
  const problem = faultProblem(value);
  if (problem) throw new TypeError(`Invalid fault: ${problem}`);
}
