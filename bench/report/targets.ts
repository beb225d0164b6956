import type { TransportName } from '../bench.options';
import { round } from '../lib/stats';
import type { RunRatios, RunResult, TargetCheck } from './result.types';

/** The targets, checked on the medians. */
export function checkTargets(
  run: RunResult,
  ratios: RunRatios,
  defaultTransport: TransportName,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (target: string, value: number | undefined, unit: string, met: (v: number) => boolean) => {
    if (value === undefined || Number.isNaN(value)) return;
    checks.push({ target, value: `${round(value, 3)}${unit}`, met: met(value) });
  };
  const gw = run.gateways[defaultTransport];
  add(
    'gateway layers add <= 0.15 ms CPU per request (default transport)',
    ratios.layerCpuMs[defaultTransport],
    ' ms',
    (v) => v <= 0.15,
  );
  add(
    'stock-SDK transport >= 90% of the SDK-alone floor (req/s at c64)',
    ratios.sdkGatewayOverSdkAlone,
    '',
    (v) => v >= 0.9,
  );
  if (!gw) return checks;
  add(
    'default transport: >= 2,500 non-stream req/s at c64',
    gw.throughput.c64.rps,
    ' req/s',
    (v) => v >= 2500,
  );
  add(
    'default transport: >= 1,200 twenty-delta streams/s (c64)',
    gw.streams.c64.rps,
    ' streams/s',
    (v) => v >= 1200,
  );
  add('added latency p50 <= 0.5 ms', ratios.addedLatencyMs[defaultTransport]?.p50, ' ms', (v) => v <= 0.5);
  add(
    'time to first content delta within 1 ms of the floor (p50)',
    ratios.ttfdOverFloorMs[defaultTransport],
    ' ms',
    (v) => v <= 1,
  );
  checks.push({
    target: `${gw.held.streams} held streams all complete, RSS <= 250 MB`,
    value: `${gw.held.completed}/${gw.held.streams}, ${round(gw.held.peakRssMiB, 1)} MiB`,
    met: gw.held.completed === gw.held.streams && gw.held.peakRssMiB <= 250,
  });
  add('idle RSS <= 120 MB', gw.idleRssMiB, ' MiB', (v) => v <= 120);
  add('start-up <= 1.5 s', gw.startupMs / 1000, ' s', (v) => v <= 1.5);
  return checks;
}
