import type { ConsoleLogger, LogLevel } from '@nestjs/common';
import type { LogLevelName } from '../../config/env.schema';
import { GatewayLogger } from './gateway-logger';

const LEVELS: Record<LogLevelName, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Structured JSON lines (one object per line, for CloudWatch / Loki) unless a human is watching a terminal.
 */
export function createLogger(level: LogLevelName, json = !process.stdout.isTTY): ConsoleLogger {
  return new GatewayLogger({ json, colors: !json, logLevels: LEVELS[level] });
}
