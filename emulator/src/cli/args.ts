import type { EmulatorOptions } from '../emulator.types';

export const USAGE = `Usage: npm run emulator -- [--port 4010] [--host 127.0.0.1] [--latency-ms N] [--chunk-delay-ms N] [--reply-words N]

Starts the Bedrock emulator (runtime, control plane, Secrets Manager, SSM) on one port and prints its base URL.
  --port            TCP port (0 = any free port; default 4010)
  --host            interface to bind (default 127.0.0.1)
  --latency-ms      added model latency before the first byte of each successful runtime response
  --chunk-delay-ms  pause between stream events
  --reply-words     make every generated reply exactly N words long`;

export type CliCommand =
  { kind: 'run'; options: EmulatorOptions } | { kind: 'help' } | { kind: 'error'; message: string };

const NUMERIC = {
  '--port': 'port',
  '--latency-ms': 'latencyMs',
  '--chunk-delay-ms': 'chunkDelayMs',
  '--reply-words': 'replyWords',
} as const;

/** Accepts `--name value` and `--name=value`. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const options: EmulatorOptions = { port: 4010 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) return { kind: 'error', message: `${name} needs a value` };
    if (name === '--host') {
      options.host = value;
      continue;
    }
    if (!(name in NUMERIC)) return { kind: 'error', message: `unknown option ${name}` };
    const number = Number(value);
    if (value === '' || !Number.isInteger(number) || number < 0) {
      return { kind: 'error', message: `${name} must be a non-negative integer` };
    }
    options[NUMERIC[name as keyof typeof NUMERIC]] = number;
  }
  return { kind: 'run', options };
}
