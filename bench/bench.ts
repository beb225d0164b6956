/**
 * `npm run bench [-- --quick]`: the gateway's own cost against the floor, on this machine. Starts the emulator
 * and the built gateway as separate processes (pinned to separate cores where there are two), warms up, and
 * measures added latency, throughput, streaming, held streams, embeddings and start-up, plus the floors (a
 * transport client alone; a minimal SigV4 relay) in the same run. Prints a table and writes JSON to
 * bench/results/. See docs/performance.md for what each figure means and the results on the dev machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.validate';
import { AWS_ENV } from './bench.constants';
import { BenchContext, tsNode } from './bench.context';
import { BenchSettings, GatewayName, parseBenchArgs, USAGE } from './bench.options';
import { ensureBuilt } from './lib/build';
import { corePlan, onCore, pinSelf } from './lib/cores';
import { agent } from './lib/http';
import { startChild, waitForLine } from './lib/spawn';
import { medianOf } from './report/medians';
import { ratiosOf } from './report/ratios';
import type { BenchResult, RunResult } from './report/result.types';
import { renderTable } from './report/table';
import { checkTargets } from './report/targets';
import { measureDirect } from './scenarios/direct';
import { measureFloors } from './scenarios/floors';
import { measureGateway } from './scenarios/gateway';
import { measureObservability } from './scenarios/observability';
import { measureLimits } from './scenarios/limits';

/** wrk prints its version and exits 1 with -v; only a missing binary is an error. */
function requireWrk(): void {
  if (spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error) {
    throw new Error('wrk is not installed: apt-get install wrk (Debian/Ubuntu)');
  }
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function oneRun(ctx: BenchContext, index: number): Promise<RunResult> {
  log(`run ${index + 1}/${ctx.settings.runs}: emulator direct`);
  const direct = await measureDirect(ctx);
  log(`run ${index + 1}: floors (SDK alone x3, lean alone, relay)`);
  const floors = await measureFloors(ctx);
  const gateways: RunResult['gateways'] = {};
  const names: GatewayName[] = [
    ...ctx.settings.transports,
    ...(ctx.settings.baseline ? ['baseline' as const] : []),
  ];
  for (const name of names) {
    log(
      `run ${index + 1}: gateway, ${name === 'baseline' ? `baseline (${ctx.settings.baseline})` : `${name} transport`}`,
    );
    gateways[name] = await measureGateway(ctx, name);
  }
  const transport = loadConfig({ API_KEY: 'x' }).bedrockTransport;
  log(`run ${index + 1}: observability (${transport}: metrics off, on, tracing on)`);
  const observability = await measureObservability(ctx, transport);
  log(`run ${index + 1}: per-key limits in Redis against none (${transport} transport, chat c64)`);
  const limits = await measureLimits(ctx, transport);
  return { direct, floors, gateways, observability, limits };
}

export async function runBench(settings: BenchSettings): Promise<BenchResult> {
  const workDir = settings.out;
  const startedAt = new Date().toISOString();
  const plan = corePlan();
  pinSelf(plan);
  requireWrk();
  mkdirSync(workDir, { recursive: true });
  if (await ensureBuilt()) log('built the gateway (dist/)');
  const emulator = startChild(
    onCore(plan, 'load', [
      ...tsNode('bench/processes/emulator.process.ts'),
      JSON.stringify({ replyWords: settings.replyWords }),
    ]),
    {
      env: AWS_ENV,
      captureStdout: true,
    },
  );
  try {
    const emulatorUrl = await waitForLine(emulator, /EMULATOR_URL (\S+)/);
    const profileDir = settings.profile ? join(workDir, 'profiles') : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const ctx: BenchContext = { settings, plan, workDir, emulatorUrl, emulatorPid: emulator.pid, profileDir };
    const runs: RunResult[] = [];
    for (let i = 0; i < settings.runs; i++) runs.push(await oneRun(ctx, i));
    const defaultTransport = loadConfig({ API_KEY: 'x' }).bedrockTransport;
    // A baseline build that has the lean transport runs it by default; an older one runs the stock SDK client.
    const baselineTransport =
      settings.baseline && existsSync(join(settings.baseline, 'dist/src/bedrock/lean'))
        ? 'lean'
        : 'sdk-h2-default';
    const ratios = runs.map((run) => ratiosOf(run, defaultTransport, baselineTransport));
    const median = { run: medianOf(runs), ratios: medianOf(ratios) };
    return {
      schema: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: plan.cores,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.versions.node,
        kernel: release(),
        plan,
      },
      settings,
      defaultTransport,
      runs,
      ratios,
      median,
      targets: checkTargets(median.run, median.ratios, defaultTransport),
    };
  } finally {
    await emulator.stop();
    agent.destroy();
  }
}

async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (parsed === 'help') return void process.stdout.write(`${USAGE}\n`);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const result = await runBench(parsed);
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify(result, null, 2);
  writeFileSync(join(parsed.out, `bench-${result.settings.mode}-${stamp}.json`), json);
  writeFileSync(join(parsed.out, 'latest.json'), json);
  process.stdout.write(`${renderTable(result)}\n\nJSON: ${join(parsed.out, 'latest.json')}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
