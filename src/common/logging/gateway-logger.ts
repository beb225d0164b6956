import { ConsoleLogger } from '@nestjs/common';

/** Longest flat line taken by the fast path; Nest's own serialiser truncates past 1,000,000 characters. */
const FAST_PATH_MAX_CHARS = 16 * 1024;

/** A plain object whose values are all strings, finite numbers, booleans, null or undefined. */
function isFlatRecord(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    return false;
  }
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const t = typeof v;
    if (
      v !== null &&
      t !== 'string' &&
      t !== 'boolean' &&
      t !== 'undefined' &&
      !(t === 'number' && Number.isFinite(v))
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Nest's console logger with a fast path for the structured lines the gateway writes on every request (the
 * usage line): a flat record is serialised with plain `JSON.stringify`, which gives the same text as Nest's
 * serialiser for such values. Nest's serialiser (a replacer walking every value, tracking length and cycles)
 * cost about a tenth of a chat request's CPU under load (docs/performance.md). Anything else — errors,
 * nested objects, very long values — still goes through Nest's own.
 */
export class GatewayLogger extends ConsoleLogger {
  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    if (isFlatRecord(logObject.message)) {
      const text = JSON.stringify(logObject);
      if (text.length <= FAST_PATH_MAX_CHARS) return text;
    }
    return super.stringifyJsonLogObject(logObject);
  }
}
