/**
 * Coral-style constraint messages, as real AWS services word them:
 * `1 validation error detected: Value 'X' at 'byOutputModality' failed to satisfy constraint: Member must
 * satisfy enum value set: [TEXT, IMAGE, EMBEDDING]` (several joined with "; ").
 */
export class ConstraintErrors {
  private readonly problems: string[] = [];

  enumValue(field: string, value: string | null, allowed: readonly string[]): void {
    if (value !== null && !allowed.includes(value)) {
      this.problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
      );
    }
  }

  pattern(field: string, value: string | null, pattern: RegExp, source: string): void {
    if (value !== null && !pattern.test(value)) {
      this.problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${source}`,
      );
    }
  }

  range(field: string, value: number, min: number, max: number): void {
    if (value < min) {
      this.problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
      );
    } else if (value > max) {
      this.problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      );
    }
  }

  length(field: string, value: string | null, min: number, max: number): void {
    if (value === null) return;
    if (value.length < min) {
      this.problems.push(
        `Value '${value}' at '${field}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`,
      );
    } else if (value.length > max) {
      this.problems.push(
        `Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    }
  }

  add(problem: string): void {
    this.problems.push(problem);
  }

  /** The combined message, or undefined when nothing failed. */
  message(): string | undefined {
    const n = this.problems.length;
    if (n === 0) return undefined;
    return `${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`;
  }
}

/** An anchored copy of a service-model pattern (the model's patterns are implicitly whole-value). */
export function anchored(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}

/** A path-label identifier (1..2048 characters matching the model's pattern); the problem, if any. */
export function identifierProblem(
  field: string,
  value: string,
  pattern: RegExp,
  source: string,
): string | undefined {
  const errors = new ConstraintErrors();
  errors.length(field, value, 1, 2048);
  errors.pattern(field, value, pattern, source);
  return errors.message();
}
