import type { BenchContext } from '../bench.context';
import { converseBody, modelPath } from '../bench.constants';
import { eventStreamDelta, streamTiming, TimingResult } from '../load/stream-timing';
import { runWrk } from '../load/wrk';
import { warmUp } from './timed-load';
import type { Distribution } from '../lib/stats';

/** The same calls made straight to the emulator: the baseline for added latency and time to first delta. */
export interface DirectResult {
  latencyMs: Distribution;
  /** Converse at concurrency 64 straight at the emulator: what the load core can serve without a gateway. */
  c64Rps: number;
  streamTiming: TimingResult;
}

// The emulator accepts a bearer token (Bedrock API keys), so no signing happens on the load side.
const AUTH = 'Bearer bench';

export async function measureDirect(ctx: BenchContext): Promise<DirectResult> {
  const run = {
    url: `${ctx.emulatorUrl}${modelPath('converse')}`,
    body: converseBody(),
    authorization: AUTH,
  };
  await warmUp(ctx, { ...run, connections: 8 });
  const sequential = await runWrk(ctx.plan, ctx.workDir, {
    ...run,
    connections: 1,
    seconds: ctx.settings.seconds,
  });
  const c64 = await runWrk(ctx.plan, ctx.workDir, { ...run, connections: 64, seconds: ctx.settings.seconds });
  const timing = await streamTiming({
    url: `${ctx.emulatorUrl}${modelPath('converse-stream')}`,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: converseBody(),
    samples: ctx.settings.timingSamples,
    hasDelta: eventStreamDelta,
  });
  const { p50, p90, p99 } = sequential.latencyMs;
  return { latencyMs: { p50, p90, p99 }, c64Rps: c64.rps, streamTiming: timing };
}
