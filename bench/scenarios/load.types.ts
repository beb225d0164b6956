/** One timed load against a process: rate, latency, errors, and what it cost the process and the cores. */
export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** CPU of the process under test per completed request, ms. */
  cpuMsPerReq: number;
  /** Busy share (0..1) of the core under test and of the load core during the window. */
  testCoreBusy: number;
  loadCoreBusy: number;
  /** Cores' worth of CPU other processes on the machine used meanwhile (noise; see lib/proc.ts). */
  foreignCores: number;
}
