import type { BenchSettings } from './bench.options';
import type { CorePlan } from './lib/cores';

/** What every phase of one benchmark needs. */
export interface BenchContext {
  settings: BenchSettings;
  plan: CorePlan;
  /** Scratch and output directory (bench/results). */
  workDir: string;
  emulatorUrl: string;
  emulatorPid: number;
  /** Where gateway CPU profiles go, with --profile. */
  profileDir?: string;
}

/** How a TypeScript program of the benchmark is started (sources compiled on load, as `npm run emulator`). */
export const tsNode = (file: string): string[] => [process.execPath, '-r', './scripts/register-ts.js', file];
