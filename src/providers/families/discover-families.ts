import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FamilyAdapter } from '../family-adapter';

/**
 * The family adapters, found by convention: every folder `families/<name>/` holds `<name>.family.ts` (or its
 * compiled `.js`), which exports the adapter as `family`. Adding a family is adding a folder — no list to
 * keep in step. Folders are read in name order, so boot is deterministic.
 */
export function discoverFamilies(dir: string = __dirname): FamilyAdapter[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return names.map((name) => {
    let loaded: { family?: FamilyAdapter };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery by folder, see above
      loaded = require(join(dir, name, `${name}.family`)) as { family?: FamilyAdapter };
    } catch (err) {
      throw new Error(`families/${name}/ has no loadable ${name}.family module: ${(err as Error).message}`);
    }
    if (!loaded.family) throw new Error(`families/${name}/${name}.family exports no 'family' adapter`);
    return loaded.family;
  });
}
