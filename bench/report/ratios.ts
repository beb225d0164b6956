import type { GatewayName } from '../bench.options';
import type { ClientMode } from '../floor/client-alone.process';
import type { RunRatios, RunResult } from './result.types';

/** The comparisons of one run, each between figures measured side by side in that run. */
export function ratiosOf(
  run: RunResult,
  defaultTransport: GatewayName,
  baselineTransport: ClientMode = 'sdk-h2-default',
): RunRatios {
  const ratios: RunRatios = {
    addedLatencyMs: {},
    relayAddedLatencyMs: {
      p50: run.floors.relayLatencyMs.p50 - run.direct.latencyMs.p50,
      p90: run.floors.relayLatencyMs.p90 - run.direct.latencyMs.p90,
      p99: run.floors.relayLatencyMs.p99 - run.direct.latencyMs.p99,
    },
    layerCpuMs: {},
    ttfdOverFloorMs: {},
    messagesOverChatStreams: {},
    loadSideHeadroom: NaN,
  };
  const { direct, floors } = run;
  // The transport each gateway uses, measured alone.
  const transportAlone: Record<GatewayName, number> = {
    lean: floors.clients.lean.cpuMsPerCall,
    sdk: floors.clients['sdk-http1'].cpuMsPerCall,
    baseline: floors.clients[baselineTransport].cpuMsPerCall,
  };
  let fastest = 0;
  for (const [name, gw] of Object.entries(run.gateways) as [
    GatewayName,
    NonNullable<RunResult['gateways']['lean']>,
  ][]) {
    ratios.addedLatencyMs[name] = {
      p50: gw.latencyMs.p50 - direct.latencyMs.p50,
      p90: gw.latencyMs.p90 - direct.latencyMs.p90,
      p99: gw.latencyMs.p99 - direct.latencyMs.p99,
    };
    ratios.layerCpuMs[name] = gw.throughput.c64.cpuMsPerReq - transportAlone[name];
    ratios.ttfdOverFloorMs[name] = gw.streamTiming.ttfdMs.p50 - direct.streamTiming.ttfdMs.p50;
    if (gw.messagesStreams)
      ratios.messagesOverChatStreams[name] = gw.messagesStreams.rps / gw.streams.c64.rps;
    fastest = Math.max(fastest, gw.throughput.c64.rps);
  }
  if (run.gateways.sdk) {
    ratios.sdkGatewayOverSdkAlone =
      run.gateways.sdk.throughput.c64.rps / floors.clients['sdk-http1'].callsPerSec;
  }
  if (run.gateways.lean)
    ratios.leanGatewayOverRelay = run.gateways.lean.throughput.c64.rps / floors.relay.rps;
  ratios.loadSideHeadroom = fastest > 0 ? direct.c64Rps / fastest : NaN;
  if (run.observability) {
    const o = run.observability;
    ratios.observability = {
      metricsOnOverOff: o.metricsOn.rps / o.metricsOff.rps,
      tracingOnOverMetricsOn: o.tracingOn.rps / o.metricsOn.rps,
    };
  }
  const base = run.gateways.baseline;
  const current = run.gateways[defaultTransport];
  if (base && current) {
    ratios.overBaseline = {
      chat: current.throughput.c64.rps / base.throughput.c64.rps,
      streams: current.streams.c64.rps / base.streams.c64.rps,
    };
  }
  return ratios;
}
