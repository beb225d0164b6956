import type { TransportName } from '../bench.options';
import type { RunRatios, RunResult } from './result.types';

/** The comparisons of one run, each between figures measured side by side in that run. */
export function ratiosOf(run: RunResult): RunRatios {
  const ratios: RunRatios = {
    addedLatencyMs: {},
    layerCpuMs: {},
    ttfdOverFloorMs: {},
    loadSideHeadroom: NaN,
  };
  const { direct, floors } = run;
  const transportAlone: Record<TransportName, number> = {
    lean: floors.clients.lean.cpuMsPerCall,
    sdk: floors.clients['sdk-http1'].cpuMsPerCall,
  };
  let fastest = 0;
  for (const [name, gw] of Object.entries(run.gateways) as [
    TransportName,
    NonNullable<RunResult['gateways']['lean']>,
  ][]) {
    ratios.addedLatencyMs[name] = {
      p50: gw.latencyMs.p50 - direct.latencyMs.p50,
      p90: gw.latencyMs.p90 - direct.latencyMs.p90,
      p99: gw.latencyMs.p99 - direct.latencyMs.p99,
    };
    ratios.layerCpuMs[name] = gw.throughput.c64.cpuMsPerReq - transportAlone[name];
    ratios.ttfdOverFloorMs[name] = gw.streamTiming.ttfdMs.p50 - direct.streamTiming.ttfdMs.p50;
    fastest = Math.max(fastest, gw.throughput.c64.rps);
  }
  if (run.gateways.sdk) {
    ratios.sdkGatewayOverSdkAlone =
      run.gateways.sdk.throughput.c64.rps / floors.clients['sdk-http1'].callsPerSec;
  }
  if (run.gateways.lean)
    ratios.leanGatewayOverRelay = run.gateways.lean.throughput.c64.rps / floors.relay.rps;
  ratios.loadSideHeadroom = fastest > 0 ? direct.c64Rps / fastest : NaN;
  return ratios;
}
