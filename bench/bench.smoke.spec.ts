import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './report/result.types';
import type { LoadResult } from './scenarios/load.types';

/**
 * Runs `npm run bench -- --smoke` (every phase, one second of load each) in its own process and checks the
 * result it writes is complete and well formed. It asserts nothing about speed: figures from a test run on a
 * busy machine mean nothing.
 */
// The benchmark drives load with wrk (Debian's package), which .ci/run installs. On a developer machine
// without it this file is skipped with a notice; in CI (CI set) a missing wrk fails the run.
const hasWrk = !spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error;
if (!hasWrk && !process.env.CI) {
  process.stderr.write('bench smoke test skipped: wrk is not installed (apt-get install wrk)\n');
}

(hasWrk || process.env.CI ? describe : describe.skip)('npm run bench -- --smoke', () => {
  const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  let result: BenchResult;
  let stdout = '';

  beforeAll(async () => {
    stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['-r', './scripts/register-ts.js', 'bench/bench.ts', '--smoke', '--out', out],
        { env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
        (err, text, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(text)),
      ),
    );
    result = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as BenchResult;
  }, 320_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // Each figure is checked with the name of its phase, so a failure says which window it was.
  const isLoad = (l: LoadResult, phase: string) => {
    for (const key of ['rps', 'p50Ms', 'p99Ms', 'cpuMsPerReq', 'testCoreBusy', 'loadCoreBusy'] as const) {
      expect({ phase, key, finite: Number.isFinite(l[key]) }).toEqual({ phase, key, finite: true });
    }
    expect({ phase, rps: l.rps > 0, errors: l.errors }).toEqual({ phase, rps: true, errors: 0 });
  };

  it('measures both transports, the floors and the emulator in one run, without errors', () => {
    expect(result).toMatchObject({ schema: 1, settings: { mode: 'smoke' }, defaultTransport: 'lean' });
    expect(result.runs).toHaveLength(1);
    const run = result.runs[0];
    expect(Object.keys(run.gateways).sort()).toEqual(['lean', 'sdk']);
    for (const [name, gw] of Object.entries(run.gateways)) {
      for (const [c, l] of Object.entries(gw.throughput)) isLoad(l, `${name} chat ${c}`);
      for (const [c, l] of Object.entries(gw.streams)) isLoad(l, `${name} streams ${c}`);
      isLoad(gw.embeddings!, `${name} embeddings`);
      isLoad(gw.messagesStreams!, `${name} messages streams`);
      expect(gw.held.completed).toBe(gw.held.streams);
      expect(gw.streamTiming.errors).toBe(0);
      expect(gw.streamTiming.ttfdMs.p50).toBeGreaterThanOrEqual(gw.streamTiming.ttfbMs.p50);
      expect(gw.startupMs).toBeGreaterThan(0);
      expect(gw.idleRssMiB).toBeGreaterThan(0);
    }
    isLoad(run.floors.relay, 'relay floor');
    expect(run.floors.relayLatencyMs.p50).toBeGreaterThan(0);
    for (const floor of Object.values(run.floors.clients)) expect(floor.callsPerSec).toBeGreaterThan(0);
    expect(run.direct.c64Rps).toBeGreaterThan(0);
    for (const [variant, l] of Object.entries(run.observability!)) isLoad(l, variant);
    isLoad(run.limits!.unlimited, 'limits unlimited');
    isLoad(run.limits!.limited, 'limits limited');
    expect(run.limits!.rpsRatio).toBeGreaterThan(0);
  });

  it('derives the ratios and checks every target, and prints the table', () => {
    const ratios = result.median.ratios;
    expect(Object.keys(ratios.layerCpuMs).sort()).toEqual(['lean', 'sdk']);
    expect(Number.isFinite(ratios.sdkGatewayOverSdkAlone)).toBe(true);
    expect(Number.isFinite(ratios.loadSideHeadroom)).toBe(true);
    expect(Number.isFinite(ratios.relayAddedLatencyMs.p50)).toBe(true);
    expect(Number.isFinite(ratios.observability!.metricsOnOverOff)).toBe(true);
    expect(result.targets.length).toBeGreaterThanOrEqual(9);
    for (const t of result.targets) expect(typeof t.met).toBe('boolean');
    expect(stdout).toContain('Targets');
    expect(stdout).toContain('Gateway, lean transport (default)');
    expect(stdout).toContain('Per-key limits in Redis');
  });
});
