import { readFileSync } from 'node:fs';

/**
 * What Linux reports about a process and the cores (/proc): CPU time in clock ticks (100 Hz here, from
 * `getconf CLK_TCK`), resident memory, and per-core busy time, read before and after each measurement.
 */
const TICK_MS = 10;

/** User + system CPU of a process (all its threads), in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces, start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU of this process and of the children it has waited for (wrk runs, floor programs), ms. */
function selfAndReapedCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** Resident set size in MiB. */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export interface CoreTimes {
  busy: number;
  total: number;
}

/** Busy and total jiffies of each core. */
export function coreTimes(): CoreTimes[] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d+ /.test(line))
    .map((line) => {
      const v = line.trim().split(/\s+/).slice(1).map(Number);
      const idle = v[3] + v[4];
      const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
      return { busy: total - idle, total };
    });
}

/** Share of each core that was busy between two readings (0..1). */
export function coreBusy(before: CoreTimes[], after: CoreTimes[]): number[] {
  return after.map((a, i) => {
    const total = a.total - before[i].total;
    return total > 0 ? (a.busy - before[i].busy) / total : NaN;
  });
}

export interface Measured<T> {
  result: T;
  /** CPU of the process under test during the window, ms. */
  cpuMs: number;
  coreBusy: number[];
  /**
   * CPU used during the window by processes that are not part of the benchmark, in cores (0.25 = a quarter of
   * one core): another tenant on the machine, which makes the figures of that window unreliable.
   */
  foreignCores: number;
}

/** Measures `work`: the CPU of `pid` (the process under test), the cores, and what else ran meanwhile. */
export async function measured<T>(
  pid: number,
  others: number[],
  work: () => Promise<T>,
): Promise<Measured<T>> {
  const ours = () => [pid, ...others].reduce((sum, p) => sum + processCpuMs(p), 0) + selfAndReapedCpuMs();
  const cpu0 = processCpuMs(pid);
  const ours0 = ours();
  const cores0 = coreTimes();
  const start = performance.now();
  const result = await work();
  const elapsedMs = performance.now() - start;
  const cores1 = coreTimes();
  const ours1 = ours();
  const cpu1 = processCpuMs(pid);
  const busyMs = cores1.reduce((sum, c, i) => sum + (c.busy - cores0[i].busy), 0) * TICK_MS;
  return {
    result,
    cpuMs: cpu1 - cpu0,
    coreBusy: coreBusy(cores0, cores1),
    foreignCores: Math.max(0, busyMs - (ours1 - ours0)) / elapsedMs,
  };
}

/**
 * Waits until a process is idle: under 10% of a core over a 100 ms window (at most `limitMs`). A load that
 * ends leaves the requests it had in flight queued in the gateway (wrk closes its connections, the gateway
 * still finishes them); the next window must not spend its time draining them.
 */
export async function settled(pid: number, limitMs = 15_000): Promise<void> {
  const windowMs = 100;
  const deadline = performance.now() + limitMs;
  let before = processCpuMs(pid);
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = processCpuMs(pid);
    if (now - before < windowMs * 0.1) return;
    before = now;
  }
}
