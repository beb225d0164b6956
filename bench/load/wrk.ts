import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorePlan, onCore } from '../lib/cores';
import { runToEnd } from '../lib/spawn';

/**
 * Plain request load from `wrk` (Debian's package): a C load generator, so the load core is not what limits
 * the rate (JavaScript generators saturate near the gateway's own rate on this machine). One thread, N
 * keep-alive connections, a Lua script for the POST body; its `done` hook prints a JSON summary.
 */
export interface WrkRun {
  url: string;
  body: unknown;
  authorization: string;
  connections: number;
  seconds: number;
}

export interface WrkResult {
  requests: number;
  rps: number;
  /** Socket errors plus non-2xx answers. */
  errors: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
}

interface WrkJson {
  requests: number;
  durationUs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { p50: number; p90: number; p99: number; mean: number; max: number };
}

const SCRIPT = join(__dirname, 'post.lua');

export async function runWrk(plan: CorePlan, workDir: string, run: WrkRun): Promise<WrkResult> {
  const bodyFile = join(workDir, `wrk-body-${process.pid}.json`);
  writeFileSync(bodyFile, JSON.stringify(run.body));
  const command = onCore(plan, 'load', [
    'wrk',
    '-t1',
    `-c${run.connections}`,
    `-d${Math.max(1, Math.round(run.seconds))}s`,
    '--timeout',
    '30s',
    '-s',
    SCRIPT,
    run.url,
  ]);
  const out = await runToEnd(command, { BENCH_BODY_FILE: bodyFile, BENCH_AUTH: run.authorization });
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const json = JSON.parse(line.slice('BENCH_JSON '.length)) as WrkJson;
  const e = json.errors;
  const ms = (us: number) => us / 1000;
  return {
    requests: json.requests,
    rps: json.requests / (json.durationUs / 1e6),
    errors: e.connect + e.read + e.write + e.status + e.timeout,
    latencyMs: {
      p50: ms(json.latencyUs.p50),
      p90: ms(json.latencyUs.p90),
      p99: ms(json.latencyUs.p99),
      mean: ms(json.latencyUs.mean),
      max: ms(json.latencyUs.max),
    },
  };
}
