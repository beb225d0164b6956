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

/** CPU ms a process used while `work` ran, and the cores' busy shares over the same window. */
export async function measured<T>(
  pid: number | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: number; coreBusy: number[] }> {
  const cpu0 = pid ? processCpuMs(pid) : 0;
  const cores0 = coreTimes();
  const result = await work();
  const cores1 = coreTimes();
  const cpu1 = pid ? processCpuMs(pid) : 0;
  return { result, cpuMs: cpu1 - cpu0, coreBusy: coreBusy(cores0, cores1) };
}
