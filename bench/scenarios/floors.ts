import { AWS_ENV, converseBody, MODEL, modelPath } from '../bench.constants';
import { BenchContext, tsNode } from '../bench.context';
import type { ClientMode } from '../floor/client-alone.process';
import { onCore } from '../lib/cores';
import { runToEnd, startChild, waitForLine } from '../lib/spawn';
import type { LoadResult } from './load.types';
import { runWrk } from '../load/wrk';
import type { Distribution } from '../lib/stats';
import { timedLoad, warmUp } from './timed-load';

/** A transport client alone on the gateway's core: calls per second and CPU per call. */
export interface ClientFloor {
  callsPerSec: number;
  cpuMsPerCall: number;
}

export interface FloorResults {
  clients: Record<ClientMode, ClientFloor>;
  relay: LoadResult;
  /** The relay's sequential latency (one connection): what any relay adds in this topology. */
  relayLatencyMs: Distribution;
}

const CLIENT_MODES: ClientMode[] = ['sdk-h2-default', 'sdk-h2-multiplexed', 'sdk-http1', 'lean'];

async function clientAlone(ctx: BenchContext, mode: ClientMode): Promise<ClientFloor> {
  const options = {
    mode,
    concurrency: 64,
    warmupSec: ctx.settings.warmupSec,
    seconds: ctx.settings.seconds,
    request: { modelId: MODEL, ...converseBody() },
  };
  const out = await runToEnd(
    onCore(ctx.plan, 'gateway', [...tsNode('bench/floor/client-alone.process.ts'), JSON.stringify(options)]),
    {
      ...AWS_ENV,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: ctx.emulatorUrl,
    },
  );
  const line = out.split('\n').find((l) => l.startsWith('FLOOR_JSON '));
  if (!line) throw new Error(`${mode} floor printed nothing:\n${out}`);
  const r = JSON.parse(line.slice('FLOOR_JSON '.length)) as { calls: number; seconds: number; cpuMs: number };
  return { callsPerSec: r.calls / r.seconds, cpuMsPerCall: r.cpuMs / r.calls };
}

async function relay(ctx: BenchContext): Promise<Pick<FloorResults, 'relay' | 'relayLatencyMs'>> {
  const child = startChild(
    onCore(ctx.plan, 'gateway', [...tsNode('bench/floor/relay.process.ts'), ctx.emulatorUrl]),
    {
      env: AWS_ENV,
      captureStdout: true,
    },
  );
  try {
    const url = await waitForLine(child, /RELAY_URL (\S+)/);
    const run = {
      url: `${url}${modelPath('converse')}`,
      body: converseBody(),
      authorization: 'none',
      connections: 64,
    };
    await warmUp(ctx, run);
    const load = await timedLoad(ctx, child.pid, run);
    const sequential = await runWrk(ctx.plan, ctx.workDir, {
      ...run,
      connections: 1,
      seconds: ctx.settings.seconds,
    });
    const { p50, p90, p99 } = sequential.latencyMs;
    return { relay: load, relayLatencyMs: { p50, p90, p99 } };
  } finally {
    await child.stop();
  }
}

/** The floor, measured in the same run on the same emulator as the gateway. */
export async function measureFloors(ctx: BenchContext): Promise<FloorResults> {
  const clients = {} as Record<ClientMode, ClientFloor>;
  for (const mode of CLIENT_MODES) clients[mode] = await clientAlone(ctx, mode);
  return { clients, ...(await relay(ctx)) };
}
