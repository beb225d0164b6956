import { join } from 'node:path';

/** Command line of `npm run bench`: the mode sets every duration and count; a few flags override. */
export type BenchMode = 'full' | 'quick' | 'smoke';
export type TransportName = 'lean' | 'sdk';
/** A gateway measured: this checkout with one of its transports, or an older build given with --baseline. */
export type GatewayName = TransportName | 'baseline';

export interface BenchSettings {
  mode: BenchMode;
  runs: number;
  /** Seconds of each timed load (wrk, floor programs); whole seconds, as wrk takes them. */
  seconds: number;
  /** Seconds of warm-up load before measuring (0: none). */
  warmupSec: number;
  /** Pause after start-up before reading idle memory. */
  settleMs: number;
  /** Sequential requests for the stream-timing percentiles. */
  timingSamples: number;
  heldStreams: number;
  /** Emulator pause between stream events during the held-streams phase. */
  heldChunkDelayMs: number;
  /** Words per answer: 20 → twenty content deltas per stream. */
  replyWords: number;
  transports: TransportName[];
  /** Write gateway CPU profiles of the c64 windows under <out>/profiles. */
  profile: boolean;
  /** Directory for the JSON results (and profiles, scratch files). */
  out: string;
  /** Another checkout of the gateway (built, with its node_modules) measured beside this one, as before/after. */
  baseline?: string;
}

const MODES: Record<
  BenchMode,
  Omit<BenchSettings, 'mode' | 'transports' | 'profile' | 'out' | 'baseline'>
> = {
  full: {
    runs: 3,
    seconds: 5,
    warmupSec: 5,
    settleMs: 1000,
    timingSamples: 300,
    heldStreams: 1000,
    heldChunkDelayMs: 50,
    replyWords: 20,
  },
  quick: {
    runs: 1,
    seconds: 2,
    warmupSec: 2,
    settleMs: 1000,
    timingSamples: 100,
    heldStreams: 1000,
    heldChunkDelayMs: 20,
    replyWords: 20,
  },
  // For the test suite: every phase runs and the result is complete, in a few seconds of load.
  smoke: {
    runs: 1,
    seconds: 1,
    warmupSec: 1,
    settleMs: 200,
    timingSamples: 5,
    heldStreams: 20,
    heldChunkDelayMs: 5,
    replyWords: 20,
  },
};

export const USAGE = `Usage: npm run bench [-- --quick | --smoke] [--runs N] [--transport lean,sdk] [--profile]
  (default)   full benchmark: 3 runs, 5 s per load, 1,000 held streams
  --quick     one run, 2 s per load (about a minute)
  --smoke     one run, 1 s loads and warm-ups, 20 held streams (checks the benchmark itself)
  --runs N    override the number of runs (medians are taken across runs)
  --transport which gateway transports to measure (default: lean,sdk)
  --profile   also write CPU profiles of the gateway's c64 chat and stream windows
  --out DIR   where results go (default bench/results)
  --baseline DIR  also measure the gateway built in another checkout (DIR/dist/src/main.js), e.g. before a change`;

export function parseBenchArgs(argv: readonly string[]): BenchSettings | { error: string } | 'help' {
  let mode: BenchMode = 'full';
  let runs: number | undefined;
  let transports: TransportName[] = ['lean', 'sdk'];
  let profile = false;
  let out = join('bench', 'results');
  let baseline: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--quick') mode = 'quick';
    else if (arg === '--smoke') mode = 'smoke';
    else if (arg === '--profile') profile = true;
    else if (arg === '--baseline') {
      baseline = argv[++i];
      if (!baseline) return { error: '--baseline needs a directory' };
    } else if (arg === '--out') {
      out = argv[++i] ?? '';
      if (!out) return { error: '--out needs a directory' };
    } else if (arg === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) return { error: '--runs needs a positive integer' };
    } else if (arg === '--transport') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      if (list.length === 0 || list.some((t) => t !== 'lean' && t !== 'sdk')) {
        return { error: '--transport takes lean, sdk or lean,sdk' };
      }
      transports = list as TransportName[];
    } else return { error: `unknown option ${arg}` };
  }
  return { mode, ...MODES[mode], ...(runs ? { runs } : {}), transports, profile, out, baseline };
}
