import { chatBody, embeddingsBody, messagesBody } from '../bench.constants';
import type { BenchContext } from '../bench.context';
import type { GatewayName } from '../bench.options';
import { heldStreams, HeldResult } from '../load/held-streams';
import { sseDelta, streamTiming, TimingResult } from '../load/stream-timing';
import { runWrk } from '../load/wrk';
import { patchJson, postJson } from '../lib/http';
import { measured, settled } from '../lib/proc';
import type { Distribution } from '../lib/stats';
import { AUTH_HEADER, profiled, startGateway } from './gateway-process';
import type { LoadResult } from './load.types';
import { timedLoad, warmUp } from './timed-load';

export interface GatewayResult {
  startupMs: number;
  idleRssMiB: number;
  /** Sequential non-stream chat (one connection). */
  latencyMs: Distribution;
  throughput: { c8: LoadResult; c64: LoadResult; c256: LoadResult };
  streams: { c8: LoadResult; c64: LoadResult };
  streamTiming: TimingResult;
  held: HeldResult & { cpuMs: number };
  /** Null when the gateway has no /v1/embeddings route. */
  embeddings: LoadResult | null;
  /** Anthropic Messages streams (`/v1/messages`, native InvokeModelWithResponseStream), c64; null without the route. */
  messagesStreams?: LoadResult | null;
}

async function held(ctx: BenchContext, url: string, pid: number): Promise<GatewayResult['held']> {
  await patchJson(`${ctx.emulatorUrl}/_emulator/config`, { chunkDelayMs: ctx.settings.heldChunkDelayMs });
  try {
    const { result, cpuMs } = await measured(pid, [ctx.emulatorPid], () =>
      heldStreams({
        url: `${url}/v1/chat/completions`,
        headers: { authorization: AUTH_HEADER, 'content-type': 'application/json' },
        body: chatBody(true),
        streams: ctx.settings.heldStreams,
        gatewayPid: pid,
      }),
    );
    return { ...result, cpuMs };
  } finally {
    await patchJson(`${ctx.emulatorUrl}/_emulator/config`, { chunkDelayMs: 0 });
  }
}

/**
 * Load on a route the build under test may lack (the baseline predates it): null when it answers 404, after
 * checking it answers at all.
 */
async function optionalRoute(
  ctx: BenchContext,
  pid: number,
  url: string,
  bodies: { probe: unknown; load: unknown },
  connections: number,
): Promise<LoadResult | null> {
  const probe = await postJson(url, bodies.probe, { authorization: AUTH_HEADER });
  if (probe.status === 404) return null;
  if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}: ${probe.body}`);
  const run = { url, body: bodies.load, authorization: AUTH_HEADER, connections };
  await warmUp(ctx, run);
  await settled(pid);
  return timedLoad(ctx, pid, run);
}

/** Every gateway measurement for one transport, on a freshly started gateway. */
export async function measureGateway(ctx: BenchContext, transport: GatewayName): Promise<GatewayResult> {
  const gw = await startGateway(ctx, transport);
  try {
    const pid = gw.child.pid;
    const chat = { url: `${gw.url}/v1/chat/completions`, authorization: AUTH_HEADER };
    const plain = { ...chat, body: chatBody() };
    const streamed = { ...chat, body: chatBody(true) };
    await warmUp(ctx, { ...plain, connections: 64 });
    await warmUp(ctx, { ...streamed, connections: 64 });
    await settled(pid);
    const sequential = await runWrk(ctx.plan, ctx.workDir, {
      ...plain,
      connections: 1,
      seconds: ctx.settings.seconds,
    });
    const throughput = {
      c8: await timedLoad(ctx, pid, { ...plain, connections: 8 }),
      c64: await profiled(ctx, gw, `${transport}-chat-c64`, () =>
        timedLoad(ctx, pid, { ...plain, connections: 64 }),
      ),
      c256: await timedLoad(ctx, pid, { ...plain, connections: 256 }),
    };
    const streams = {
      c8: await timedLoad(ctx, pid, { ...streamed, connections: 8 }),
      c64: await profiled(ctx, gw, `${transport}-stream-c64`, () =>
        timedLoad(ctx, pid, { ...streamed, connections: 64 }),
      ),
    };
    await settled(pid);
    const timing = await streamTiming({
      url: chat.url,
      headers: { authorization: AUTH_HEADER, 'content-type': 'application/json' },
      body: chatBody(true),
      samples: ctx.settings.timingSamples,
      hasDelta: sseDelta,
    });
    const { p50, p90, p99 } = sequential.latencyMs;
    return {
      startupMs: gw.startupMs,
      idleRssMiB: gw.idleRssMiB,
      latencyMs: { p50, p90, p99 },
      throughput,
      streams,
      streamTiming: timing,
      held: await held(ctx, gw.url, pid),
      embeddings: await optionalRoute(
        ctx,
        pid,
        `${gw.url}/v1/embeddings`,
        { probe: embeddingsBody(), load: embeddingsBody() },
        8,
      ),
      messagesStreams: await optionalRoute(
        ctx,
        pid,
        `${gw.url}/v1/messages`,
        { probe: messagesBody(), load: messagesBody(true) },
        64,
      ),
    };
  } finally {
    await gw.child.stop();
  }
}
