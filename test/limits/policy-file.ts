import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a policy document to a temporary file for API_KEYS_FILE; `remove()` deletes it. */
export function writePolicyFile(content: string): {
  path: string;
  write(next: string): void;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'gw-policy-'));
  const path = join(dir, 'keys.yaml');
  writeFileSync(path, content);
  return {
    path,
    write: (next) => writeFileSync(path, next),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
