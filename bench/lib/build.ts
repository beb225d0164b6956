import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './spawn';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the gateway (`npm run build` → dist/) when dist is missing or older than any source file. */
export async function ensureBuilt(): Promise<boolean> {
  const main = 'dist/src/main.js';
  if (existsSync(main) && statSync(main).mtimeMs >= newest('src')) return false;
  await runToEnd([process.execPath, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  return true;
}
