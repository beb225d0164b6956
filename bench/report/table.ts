import type { GatewayName } from '../bench.options';
import { round } from '../lib/stats';
import type { LoadResult } from '../scenarios/load.types';
import type { BenchResult } from './result.types';

const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    `\n${title}`,
    pad(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

const n = (v: number | undefined, digits = 2) =>
  v === undefined || Number.isNaN(v) ? '-' : String(round(v, digits));
const pct = (v: number) => (Number.isNaN(v) ? '-' : `${Math.round(v * 100)}%`);

function loadRow(label: string, l: LoadResult | null | undefined): string[] {
  if (!l) return [label, 'n/a'];
  return [
    label,
    n(l.rps, 0),
    n(l.p50Ms),
    n(l.p99Ms),
    String(l.errors),
    n(l.cpuMsPerReq, 3),
    pct(l.testCoreBusy),
    pct(l.loadCoreBusy),
    n(l.foreignCores, 2),
  ];
}

/** The human-readable summary printed at the end (medians across runs; ratios taken within each run). */
export function renderTable(result: BenchResult): string {
  const { run, ratios } = result.median;
  const transports = Object.keys(run.gateways) as GatewayName[];
  const out: string[] = [];
  const m = result.machine;
  const noise = Math.max(
    ...result.runs.flatMap((r) =>
      Object.values(r.gateways).flatMap((g) =>
        [g.throughput.c8, g.throughput.c64, g.throughput.c256, g.streams.c8, g.streams.c64].map(
          (l) => l.foreignCores,
        ),
      ),
    ),
  );
  out.push(
    `bedrock-gateway benchmark — ${result.settings.mode}, ${result.runs.length} run(s), medians shown`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, Linux ${m.kernel}; ` +
      (m.plan.pinned
        ? `gateway on core ${m.plan.gateway}, emulator + load generators on core ${m.plan.load}`
        : 'not pinned (one core)'),
    noise > 0.1
      ? `WARNING: other processes used up to ${round(noise, 2)} cores during a window; figures are unreliable, run again when the machine is idle.`
      : `Machine otherwise idle during the load windows (other processes <= ${round(noise, 2)} cores).`,
  );
  const loadHeader = [
    'load',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'CPU ms/req',
    'test core',
    'load core',
    'other procs (cores)',
  ];
  for (const t of transports) {
    const gw = run.gateways[t]!;
    out.push(
      table(
        t === 'baseline'
          ? `Gateway, baseline build (${result.settings.baseline})`
          : `Gateway, ${t} transport${t === result.defaultTransport ? ' (default)' : ''}`,
        loadHeader,
        [
          loadRow('chat c8', gw.throughput.c8),
          loadRow('chat c64', gw.throughput.c64),
          loadRow('chat c256', gw.throughput.c256),
          loadRow('stream c8', gw.streams.c8),
          loadRow('stream c64', gw.streams.c64),
          loadRow('messages stream c64', gw.messagesStreams),
          loadRow('embeddings c8', gw.embeddings),
        ],
      ),
    );
  }
  if (run.limits) {
    out.push(
      table(
        `Per-key limits in Redis (chat c64, one gateway, interleaved windows): limited/unlimited req/s ${n(run.limits.rpsRatio, 3)}, CPU ms/req ${n(run.limits.cpuRatio, 3)}`,
        loadHeader,
        [
          loadRow('no limits', run.limits.unlimited),
          loadRow('rpm+tpm+concurrency+budget', run.limits.limited),
        ],
      ),
    );
  }
  const floor = run.floors;
  out.push(
    table(
      'Floor (same run, gateway core)',
      ['client', 'calls/s', 'CPU ms/call'],
      [
        ...Object.entries(floor.clients).map(([mode, f]) => [
          `${mode} alone`,
          n(f.callsPerSec, 0),
          n(f.cpuMsPerCall, 3),
        ]),
        ['minimal SigV4 relay (wrk c64)', n(floor.relay.rps, 0), n(floor.relay.cpuMsPerReq, 3)],
        ['emulator direct (wrk c64, load core)', n(run.direct.c64Rps, 0), '-'],
      ],
    ),
  );
  out.push(
    table(
      'Latency and streams',
      ['', ...transports, 'emulator direct'],
      [
        [
          'sequential chat p50 / p99 ms',
          ...transports.map(
            (t) => `${n(run.gateways[t]!.latencyMs.p50)} / ${n(run.gateways[t]!.latencyMs.p99)}`,
          ),
          `${n(run.direct.latencyMs.p50)} / ${n(run.direct.latencyMs.p99)}`,
        ],
        [
          'added latency p50 / p90 / p99 ms',
          ...transports.map((t) => {
            const a = ratios.addedLatencyMs[t]!;
            return `${n(a.p50, 3)} / ${n(a.p90, 3)} / ${n(a.p99, 3)}`;
          }),
          `minimal relay: ${n(ratios.relayAddedLatencyMs.p50, 3)} / ${n(ratios.relayAddedLatencyMs.p90, 3)} / ${n(ratios.relayAddedLatencyMs.p99, 3)}`,
        ],
        [
          'time to first byte p50 ms',
          ...transports.map((t) => n(run.gateways[t]!.streamTiming.ttfbMs.p50, 3)),
          n(run.direct.streamTiming.ttfbMs.p50, 3),
        ],
        [
          'time to first delta p50 / p99 ms',
          ...transports.map(
            (t) =>
              `${n(run.gateways[t]!.streamTiming.ttfdMs.p50, 3)} / ${n(run.gateways[t]!.streamTiming.ttfdMs.p99, 3)}`,
          ),
          `${n(run.direct.streamTiming.ttfdMs.p50, 3)} / ${n(run.direct.streamTiming.ttfdMs.p99, 3)}`,
        ],
        [
          'held streams complete',
          ...transports.map((t) => `${run.gateways[t]!.held.completed}/${run.gateways[t]!.held.streams}`),
          '-',
        ],
        [
          'held streams peak RSS MiB / CPU ms',
          ...transports.map(
            (t) => `${n(run.gateways[t]!.held.peakRssMiB, 1)} / ${n(run.gateways[t]!.held.cpuMs, 0)}`,
          ),
          '-',
        ],
        [
          'start-up ms / idle RSS MiB',
          ...transports.map(
            (t) => `${n(run.gateways[t]!.startupMs, 0)} / ${n(run.gateways[t]!.idleRssMiB, 1)}`,
          ),
          '-',
        ],
      ],
    ),
  );
  out.push(
    table(
      'Ratios (within each run, median)',
      ['comparison', 'value'],
      [
        ...transports.map((t) => [`gateway layers CPU ms/req (${t})`, n(ratios.layerCpuMs[t], 3)]),
        ...transports.map((t) => [`first delta over floor ms (${t})`, n(ratios.ttfdOverFloorMs[t], 3)]),
        ...transports.map((t) => [
          `messages streams / chat streams, c64 (${t})`,
          n(ratios.messagesOverChatStreams?.[t], 2),
        ]),
        ['sdk gateway / SDK alone (req/s)', n(ratios.sdkGatewayOverSdkAlone, 3)],
        ['lean gateway / minimal relay (req/s)', n(ratios.leanGatewayOverRelay, 3)],
        ...(ratios.overBaseline
          ? [
              ['default gateway / baseline build, chat c64 (req/s)', n(ratios.overBaseline.chat, 2)],
              ['default gateway / baseline build, streams c64 (req/s)', n(ratios.overBaseline.streams, 2)],
            ]
          : []),
        ['emulator direct / fastest gateway (load-side headroom)', n(ratios.loadSideHeadroom, 2)],
        ...(ratios.observability
          ? [
              ['chat c64, metrics on / metrics off (req/s)', n(ratios.observability.metricsOnOverOff, 3)],
              [
                'chat c64, tracing on / metrics on (req/s)',
                n(ratios.observability.tracingOnOverMetricsOn, 3),
              ],
            ]
          : []),
      ],
    ),
  );
  if (run.observability) {
    const o = run.observability;
    out.push(
      table(
        `Observability (${result.defaultTransport} transport, chat c64, best of two alternating windows)`,
        ['variant', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/req', 'test core', 'load core', 'others'],
        [
          loadRow('metrics off (METRICS_PORT=0)', o.metricsOff),
          loadRow('metrics on (default)', o.metricsOn),
          loadRow('metrics + tracing (every request exported)', o.tracingOn),
        ],
      ),
    );
  }
  out.push(
    table(
      'Targets',
      ['target', 'value', 'met'],
      result.targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO']),
    ),
  );
  return out.join('\n');
}
