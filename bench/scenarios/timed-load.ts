import type { BenchContext } from '../bench.context';
import { runWrk, WrkResult, WrkRun } from '../load/wrk';
import { Measured, measured, settled } from '../lib/proc';
import type { LoadResult } from './load.types';

/** Runs wrk against a process and reports the rate together with that process's CPU per request. */
export async function timedLoad(
  ctx: BenchContext,
  pid: number,
  run: Omit<WrkRun, 'seconds'>,
): Promise<LoadResult> {
  let seconds = ctx.settings.seconds;
  for (;;) {
    await settled(pid);
    const window = await measured(pid, [ctx.emulatorPid], () =>
      runWrk(ctx.plan, ctx.workDir, { ...run, seconds }),
    );
    // A window in which no request completed measured nothing (a stall of the machine, or requests longer
    // than a one-second smoke window): it is measured again, twice as long, up to 8 s.
    if (window.result.requests > 0 || seconds >= 8) return toLoadResult(ctx, window);
    process.stderr.write(`bench: no request completed in ${seconds} s on ${run.url}; measuring again\n`);
    seconds *= 2;
  }
}

function toLoadResult(
  ctx: BenchContext,
  { result, cpuMs, coreBusy, foreignCores }: Measured<WrkResult>,
): LoadResult {
  return {
    rps: result.rps,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    errors: result.errors,
    cpuMsPerReq: result.requests > 0 ? cpuMs / result.requests : NaN,
    testCoreBusy: coreBusy[Number(ctx.plan.pinned ? ctx.plan.gateway : 0)] ?? NaN,
    loadCoreBusy: coreBusy[Number(ctx.plan.load)] ?? NaN,
    foreignCores,
  };
}

/** An untimed wrk run to warm the JIT and the connection pools. */
export async function warmUp(ctx: BenchContext, run: Omit<WrkRun, 'seconds'>): Promise<void> {
  if (ctx.settings.warmupSec > 0)
    await runWrk(ctx.plan, ctx.workDir, { ...run, seconds: ctx.settings.warmupSec });
}
