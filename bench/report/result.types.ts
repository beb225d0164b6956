import type { BenchSettings, GatewayName, TransportName } from '../bench.options';
import type { CorePlan } from '../lib/cores';
import type { DirectResult } from '../scenarios/direct';
import type { FloorResults } from '../scenarios/floors';
import type { GatewayResult } from '../scenarios/gateway';
import type { ObservabilityResult } from '../scenarios/observability';
import type { LimitsResult } from '../scenarios/limits';

/** Everything measured in one run: the emulator alone, the floors, and the gateway per transport. */
export interface RunResult {
  direct: DirectResult;
  floors: FloorResults;
  gateways: Partial<Record<GatewayName, GatewayResult>>;
  /** Chat c64 on the default transport with metrics off / on / tracing on (absent in older results). */
  observability?: ObservabilityResult;
  /** Per-key limits counted in Redis against no limits, chat c64, one gateway (default transport). */
  limits?: LimitsResult;
}

/** Comparisons taken inside one run (then the median across runs). */
export interface RunRatios {
  /** Gateway latency minus direct latency, sequential non-stream, ms. */
  addedLatencyMs: Partial<Record<GatewayName, { p50: number; p90: number; p99: number }>>;
  /** The minimal relay's own added latency (relay minus direct, sequential), the floor for the line above. */
  relayAddedLatencyMs: { p50: number; p90: number; p99: number };
  /** Gateway CPU per request at c64 minus its transport's CPU per call alone: the gateway layers' cost, ms. */
  layerCpuMs: Partial<Record<GatewayName, number>>;
  /** Gateway time to first content delta minus the emulator's own, p50, ms. */
  ttfdOverFloorMs: Partial<Record<GatewayName, number>>;
  /** Anthropic Messages streams/s (native InvokeModel relay) over OpenAI chat streams/s, both c64, same gateway. */
  messagesOverChatStreams: Partial<Record<GatewayName, number>>;
  /** Gateway (sdk transport) requests/s at c64 over the SDK-alone floor with the same handler. */
  sdkGatewayOverSdkAlone?: number;
  /** Gateway (lean) requests/s at c64 over the minimal relay's. */
  leanGatewayOverRelay?: number;
  /** With --baseline: this checkout's default transport over the baseline, chat and streams at c64 (req/s). */
  overBaseline?: { chat: number; streams: number };
  /** Chat c64 req/s: metrics on over metrics off, tracing on (with metrics) over metrics on. */
  observability?: { metricsOnOverOff: number; tracingOnOverMetricsOn: number };
  /** Emulator-direct requests/s over the fastest gateway's, same load core: > 1 means the load side had room. */
  loadSideHeadroom: number;
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

export interface BenchResult {
  schema: 1;
  startedAt: string;
  finishedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; kernel: string; plan: CorePlan };
  settings: BenchSettings;
  defaultTransport: TransportName;
  runs: RunResult[];
  ratios: RunRatios[];
  median: { run: RunResult; ratios: RunRatios };
  targets: TargetCheck[];
}
