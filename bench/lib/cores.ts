import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Which core runs what. With two or more cores the gateway (or the floor program standing in for it) gets a
 * core to itself, and the emulator and every load generator share another, as in the setup; with one
 * core nothing is pinned and the figures say so.
 */
export interface CorePlan {
  pinned: boolean;
  cores: number;
  /** Core for the emulator, wrk and the Node clients (this process). */
  load: string;
  /** Core for the gateway under test. */
  gateway: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function corePlan(): CorePlan {
  const cores = availableParallelism();
  const pinned = cores >= 2 && hasTaskset();
  return { pinned, cores, load: '0', gateway: '1' };
}

/** The command line, prefixed with `taskset -c <core>` when pinning. */
export function onCore(plan: CorePlan, role: 'load' | 'gateway', command: string[]): string[] {
  return plan.pinned ? ['taskset', '-c', plan[role], ...command] : command;
}

/** Pins this process (every thread, and so the threads it starts later) to the load core. */
export function pinSelf(plan: CorePlan): void {
  if (plan.pinned)
    execFileSync('taskset', ['-a', '-p', '-c', plan.load, String(process.pid)], { stdio: 'ignore' });
}
