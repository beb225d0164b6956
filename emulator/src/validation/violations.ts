import { validationError, type Rejection } from '../engine/engine.errors';

/** Collected constraint violations, already phrased. */
export type Violations = string[];

/**
 * One violation in AWS's validation style: `Value '<v>' at '<path>' failed to satisfy constraint:
 * Member must …` (verified wording, e.g. "Value '0' at 'inferenceConfig.maxTokens' failed to satisfy
 * constraint: Member must have value greater than or equal to 1"). A null value reads `Value null at`;
 * sensitive values are left out (`Value at`).
 */
export function violation(value: string | null | undefined, path: string, constraint: string): string {
  const shown = value === null ? 'Value null' : value === undefined ? 'Value' : `Value '${value}'`;
  return `${shown} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** `N validation error(s) detected: a; b` — the summary AWS prepends. */
export function violationsError(violations: Violations): Rejection {
  const n = violations.length;
  return validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
}
