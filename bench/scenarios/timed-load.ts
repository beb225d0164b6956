import type { BenchContext } from '../bench.context';
import { runWrk, WrkRun } from '../load/wrk';
import { measured, settled } from '../lib/proc';
import type { LoadResult } from './load.types';

/** Runs wrk against a process and reports the rate together with that process's CPU per request. */
export async function timedLoad(
  ctx: BenchContext,
  pid: number,
  run: Omit<WrkRun, 'seconds'>,
): Promise<LoadResult> {
  await settled(pid);
  const { result, cpuMs, coreBusy, foreignCores } = await measured(pid, [ctx.emulatorPid], () =>
    runWrk(ctx.plan, ctx.workDir, { ...run, seconds: ctx.settings.seconds }),
  );
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
