import type { LoggerService } from '@nestjs/common';

export interface CapturedLog {
  level: string;
  context?: string;
  message: unknown;
}

/** A Nest logger that keeps what it is given, so tests can read the structured lines operators would see. */
export class CapturingLogger implements LoggerService {
  readonly entries: CapturedLog[] = [];

  log(message: unknown, context?: string) {
    this.entries.push({ level: 'log', message, context });
  }
  error(message: unknown, _stack?: string, context?: string) {
    this.entries.push({ level: 'error', message, context });
  }
  warn(message: unknown, context?: string) {
    this.entries.push({ level: 'warn', message, context });
  }
  debug(message: unknown, context?: string) {
    this.entries.push({ level: 'debug', message, context });
  }
  verbose(message: unknown, context?: string) {
    this.entries.push({ level: 'verbose', message, context });
  }

  /** Messages logged under `context` (objects only). */
  in(context: string): Record<string, unknown>[] {
    return this.entries
      .filter((e) => e.context === context && typeof e.message === 'object')
      .map((e) => e.message as Record<string, unknown>);
  }
}
