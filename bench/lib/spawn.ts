import { ChildProcess, spawn } from 'node:child_process';

/** A child process of the benchmark (emulator, gateway, floor program), stopped at the end. */
export interface Child {
  pid: number;
  proc: ChildProcess;
  /** The last lines it wrote to stderr (and stdout when captured), for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Capture stdout (for a ready line). The gateway's stdout goes to /dev/null: its logs are not measured. */
  captureStdout?: boolean;
}

export function startChild(command: string[], options: SpawnOptions = {}): Child {
  const proc = spawn(command[0], command.slice(1), {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.captureStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    pid: proc.pid ?? -1,
    proc,
    tail: () => output,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** Resolves with the first output matching `pattern` (capture group 1), or rejects when the child dies. */
export function waitForLine(
  child: Child,
  pattern: RegExp,
  timeoutMs = 30_000,
  from: 'stdout' | 'stderr' = 'stdout',
): Promise<string> {
  const stream = child.proc[from];
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => done(new Error(`timed out waiting for ${pattern}: ${child.tail()}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = pattern.exec(buffer);
      if (match) done(undefined, match[1] ?? match[0]);
    };
    const onExit = (code: number | null) => done(new Error(`exited (${code}) before ready: ${child.tail()}`));
    function done(err?: Error, value?: string) {
      clearTimeout(timer);
      stream?.off('data', onData);
      child.proc.off('exit', onExit);
      if (err) reject(err);
      else resolve(value ?? '');
    }
    stream?.on('data', onData);
    child.proc.once('exit', onExit);
  });
}

/** Runs a command to completion and returns its stdout. */
export function runToEnd(command: string[], env: Record<string, string> = {}): Promise<string> {
  const child = startChild(command, { env, captureStdout: true });
  let stdout = '';
  child.proc.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve, reject) =>
    child.proc.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command[0]} exited ${code}: ${child.tail()}`)),
    ),
  );
}
