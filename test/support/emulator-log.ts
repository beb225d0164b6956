import type { RunningEmulator } from '../../emulator/src';
import type { RequestLogEntry } from '../../emulator/src';

/** The Converse-family requests that reached the emulator (control-plane and secrets traffic left out). */
export function runtimeRequests(emulator: RunningEmulator, since = 0): RequestLogEntry[] {
  return emulator
    .requests(since)
    .filter((e) =>
      ['Converse', 'ConverseStream', 'InvokeModel', 'InvokeModelWithResponseStream'].includes(e.operation),
    );
}

/** The body of the only runtime request since `since`, failing when there was not exactly one. */
export function lastRuntimeBody<T = Record<string, unknown>>(emulator: RunningEmulator, since = 0): T {
  const entries = runtimeRequests(emulator, since);
  if (entries.length !== 1) {
    throw new Error(
      `expected one runtime request, saw ${entries.length}: ${entries.map((e) => e.operation).join(', ')}`,
    );
  }
  return entries[0].body as T;
}

/** The sequence number of the newest log entry, to scope later assertions to what came after. */
export const mark = (emulator: RunningEmulator): number => emulator.requests().at(-1)?.seq ?? 0;

/** Waits until a request matching `predicate` has arrived at the emulator (finished or not). */
export async function arrived(
  emulator: RunningEmulator,
  predicate: (e: RequestLogEntry) => boolean,
  timeoutMs = 5000,
): Promise<RequestLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = emulator.requests().find(predicate);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error('no matching request reached the emulator');
    await new Promise((r) => setTimeout(r, 10));
  }
}
