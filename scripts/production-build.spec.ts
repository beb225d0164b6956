import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
/** Exactly what the Dockerfile's build stage copies before `npm run build`. */
const DOCKER_BUILD_CONTEXT = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'src',
];

describe('the production build', () => {
  it('compiles src alone, from a copy holding only what the Dockerfile copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-build-'));
    try {
      for (const entry of DOCKER_BUILD_CONTEXT) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      // Throws with tsc's diagnostics (e.g. a file under src importing test support) when the build fails.
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: dir,
        stdio: 'pipe',
      });
      expect(existsSync(join(dir, 'dist/src/main.js'))).toBe(true);
      // The compiled registry finds every family folder (discovery by convention works on .js too).
      const compiled = join(dir, 'dist/src/providers/families/discover-families.js');
      const { discoverFamilies } = require(compiled) as { discoverFamilies: () => { family: string }[] };
      expect(discoverFamilies().map((f) => f.family)).toEqual(
        expect.arrayContaining(['claude', 'cohere', 'deepseek', 'generic', 'llama', 'mistral', 'nova', 'titan']),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
