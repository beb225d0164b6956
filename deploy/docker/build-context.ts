import dockerignore from '@balena/dockerignore';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files `docker build` would send as its context: every file under `root` that `.dockerignore` lets
 * through, matched by @balena/dockerignore (Docker's own matching rules, as AWS CDK uses them for assets).
 * Paths are relative, with `/` separators.
 */
export function buildContextFiles(root: string): string[] {
  const ignoreFile = join(root, '.dockerignore');
  const lines = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8').split('\n') : [];
  const matcher = dockerignore().add(lines);
  // Docker looks inside an excluded directory only when an exception (`!path`) may re-include something in it;
  // the same shortcut keeps node_modules and .git from being walked.
  const exceptions = lines
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  const mayReinclude = (dir: string) => exceptions.some((e) => e.startsWith(`${dir}/`));

  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const ignored = matcher.ignores(path);
      if (entry.isDirectory()) {
        if (!ignored || mayReinclude(path)) walk(path);
      } else if (!ignored) {
        files.push(path);
      }
    }
  };
  walk('');
  return files.sort();
}
