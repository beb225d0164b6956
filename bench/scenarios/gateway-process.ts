import { createServer } from 'node:net';
import { API_KEY, AWS_ENV, chatBody, EMBEDDING_MODEL, MODEL } from '../bench.constants';
import type { BenchContext } from '../bench.context';
import type { GatewayName } from '../bench.options';
import { onCore } from '../lib/cores';
import { postJson, sleep } from '../lib/http';
import { rssMiB } from '../lib/proc';
import { Child, startChild, waitForLine } from '../lib/spawn';
import { renameSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningGateway {
  child: Child;
  url: string;
  /** From spawning `node dist/src/main.js` to the first successful chat completion. */
  startupMs: number;
  /** Resident memory once started and idle (after its first request). */
  idleRssMiB: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const AUTH_HEADER = `Bearer ${API_KEY}`;

/** Starts the built gateway on its core, configured as a deployment would be (environment only). */
/** The build to run for a gateway name: this checkout's dist, or the baseline checkout's. */
const mainOf = (ctx: BenchContext, name: GatewayName): string =>
  name === 'baseline' ? join(ctx.settings.baseline ?? '.', 'dist/src/main.js') : 'dist/src/main.js';

export async function startGateway(
  ctx: BenchContext,
  name: GatewayName,
  extraEnv: Record<string, string> = {},
): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = ctx.profileDir ? ['-r', './bench/tools/cpu-profiler.preload.js'] : [];
  const started = performance.now();
  const child = startChild(onCore(ctx.plan, 'gateway', [process.execPath, ...profile, mainOf(ctx, name)]), {
    env: {
      ...AWS_ENV,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      API_KEY,
      // A baseline built before this setting existed ignores it and uses its own transport.
      ...(name === 'baseline' ? {} : { BEDROCK_TRANSPORT: name }),
      DEFAULT_MODEL: MODEL,
      DEFAULT_EMBEDDING_MODEL: EMBEDDING_MODEL,
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: ctx.emulatorUrl,
      AWS_ENDPOINT_URL_BEDROCK: ctx.emulatorUrl,
      ...(ctx.profileDir ? { BENCH_PROFILE_DIR: ctx.profileDir } : {}),
      ...extraEnv,
    },
  });
  for (;;) {
    if (child.proc.exitCode !== null) throw new Error(`the gateway exited at start-up:\n${child.tail()}`);
    const answer = await postJson(`${url}/v1/chat/completions`, chatBody(), {
      authorization: AUTH_HEADER,
    }).catch(() => undefined);
    if (answer?.status === 200) break;
    if (answer && answer.status !== 200)
      throw new Error(`the gateway answered ${answer.status}: ${answer.body}`);
    if (performance.now() - started > 30_000) throw new Error(`the gateway did not start:\n${child.tail()}`);
    await sleep(5);
  }
  const startupMs = performance.now() - started;
  await sleep(ctx.settings.settleMs);
  return { child, url, startupMs, idleRssMiB: rssMiB(child.pid) };
}

/**
 * With --profile, profiles the gateway while `work` runs (SIGUSR2 to the preloaded profiler, twice) and saves
 * the profile as `<profileDir>/<name>.cpuprofile`; without it, just runs `work`.
 */
export async function profiled<T>(
  ctx: BenchContext,
  gw: RunningGateway,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!ctx.profileDir) return work();
  gw.child.proc.kill('SIGUSR2');
  const result = await work();
  const written = waitForLine(gw.child, /PROFILE_WRITTEN (\S+)/, 30_000, 'stderr');
  gw.child.proc.kill('SIGUSR2');
  renameSync(await written, join(ctx.profileDir, `${name}.cpuprofile`));
  return result;
}
