import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatBody } from '../bench.constants';
import type { BenchContext } from '../bench.context';
import type { TransportName } from '../bench.options';
import { AUTH_HEADER, RunningGateway, startGateway } from './gateway-process';
import type { LoadResult } from './load.types';
import { timedLoad, warmUp } from './timed-load';

/** Chat at c64 on one transport with metrics off, metrics on (the default), and tracing on as well. */
export interface ObservabilityResult {
  metricsOff: LoadResult;
  metricsOn: LoadResult;
  tracingOn: LoadResult;
}

const VARIANTS = {
  metricsOff: { METRICS_PORT: '0' },
  metricsOn: {},
  // Every request sampled and exported (OTLP/HTTP protobuf, the SDK's default): the most tracing can cost.
  tracingOn: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'always_on' },
} as const;
type Variant = keyof typeof VARIANTS;

/** A collector that accepts every OTLP export and drops it (the exporter's cost is the gateway's, not its). */
async function otlpSink(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * The cost of metrics and tracing, side by side in one run: three gateways started together (idle ones cost
 * nothing), measured in turn and twice in alternating order (off, on, tracing, tracing, on, off), so a slow
 * patch of the shared machine does not land on one variant only; each figure is the better of its two windows.
 */
export async function measureObservability(
  ctx: BenchContext,
  transport: TransportName,
): Promise<ObservabilityResult> {
  const sink = await otlpSink();
  const gateways: Partial<Record<Variant, RunningGateway>> = {};
  try {
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const env: Record<string, string> = { ...VARIANTS[variant] };
      if (variant === 'tracingOn') env.OTEL_EXPORTER_OTLP_ENDPOINT = sink.url;
      gateways[variant] = await startGateway(ctx, transport, env);
    }
    const run = (gw: RunningGateway) => ({
      url: `${gw.url}/v1/chat/completions`,
      authorization: AUTH_HEADER,
      body: chatBody(),
      connections: 64,
    });
    for (const gw of Object.values(gateways)) await warmUp(ctx, run(gw));
    const windows: Record<Variant, LoadResult[]> = { metricsOff: [], metricsOn: [], tracingOn: [] };
    const order: Variant[] = ['metricsOff', 'metricsOn', 'tracingOn', 'tracingOn', 'metricsOn', 'metricsOff'];
    for (const variant of order) {
      const gw = gateways[variant]!;
      windows[variant].push(await timedLoad(ctx, gw.child.pid, run(gw)));
    }
    const best = (results: LoadResult[]) => results.reduce((a, b) => (b.rps > a.rps ? b : a));
    return {
      metricsOff: best(windows.metricsOff),
      metricsOn: best(windows.metricsOn),
      tracingOn: best(windows.tracingOn),
    };
  } finally {
    for (const gw of Object.values(gateways)) await gw.child.stop();
    await new Promise((resolve) => sink.server.close(resolve));
  }
}
