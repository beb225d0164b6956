import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Instruction, Stage } from './dockerfile.parser';

/** One stage after replay: its filesystem root on this machine and what a container of it would run. */
export interface ReplayedStage {
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd?: string[];
  healthcheck?: string[];
  exposed: string[];
}

export interface ReplayOptions {
  /** The directory `docker build` is run in. */
  contextRoot: string;
  /** What .dockerignore lets through (buildContextFiles). */
  contextFiles: string[];
  /** An empty directory; each stage's root is made inside it. */
  workRoot: string;
  /**
   * `link`: `npm ci` is replaced by a hard-linked copy of the context's node_modules, which `npm ci` made from
   * the same package-lock.json (CI runs it just before the tests): the same tree in a second instead of a
   * minute of unpacking on a loaded 2-core machine. `run`: `npm ci` runs as written (from npm's cache).
   * Every other command runs as written.
   */
  npmCi: 'link' | 'run';
}

function copyFromContext(opts: ReplayOptions, source: string, dest: string, toDir: boolean): void {
  const src = posix.normalize(source).replace(/^\.\/|\/$/g, '');
  if (/[*?[]/.test(src)) throw new Error(`COPY ${source}: wildcards are not replayed`);
  const file = opts.contextFiles.includes(src);
  const under = opts.contextFiles.filter((f) => f.startsWith(`${src}/`));
  if (!file && under.length === 0) {
    throw new Error(`COPY ${source}: not in the build context (missing, or excluded by .dockerignore)`);
  }
  if (file) {
    const target = toDir ? join(dest, posix.basename(src)) : dest;
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(opts.contextRoot, src), target);
    return;
  }
  // A directory source copies its contents (those the context holds) into dest.
  for (const f of under) {
    const target = join(dest, f.slice(src.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(opts.contextRoot, f), target);
  }
}

function copyFromStage(from: ReplayedStage, source: string, dest: string, toDir: boolean): void {
  const src = join(from.root, source);
  if (!existsSync(src)) throw new Error(`COPY --from: ${source} does not exist in that stage`);
  const target = toDir && !statSync(src).isDirectory() ? join(dest, posix.basename(source)) : dest;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(src, target, { recursive: true, verbatimSymlinks: true });
}

function linkNodeModules(opts: ReplayOptions, workdir: string): void {
  const from = join(opts.contextRoot, 'node_modules');
  if (!existsSync(from))
    throw new Error('npmCi: "link" needs the context\'s node_modules (run npm ci first)');
  const cp = spawnSync('cp', ['-al', from, join(workdir, 'node_modules')], { encoding: 'utf8' });
  if (cp.status !== 0) throw new Error(`cp -al node_modules failed: ${cp.stderr}`);
  // npm rewrites its hidden lockfile in place: give the copy its own, so pruning it cannot touch the original.
  const hidden = join(workdir, 'node_modules', '.package-lock.json');
  if (existsSync(hidden)) {
    rmSync(hidden);
    cpSync(join(from, '.package-lock.json'), hidden);
  }
}

function run(command: string, cwd: string, env: Record<string, string>, opts: ReplayOptions): void {
  if (opts.npmCi === 'link' && /^npm ci(\s|$)/.test(command)) {
    linkNodeModules(opts, cwd);
    return;
  }
  const result = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    // npm finds its cache through HOME; prefer-offline keeps CI off the network when the cache has it all.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      npm_config_prefer_offline: 'true',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`RUN ${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Replays `stages` in order inside opts.workRoot; returns each stage by index and by name. */
export function replayBuild(stages: Stage[], opts: ReplayOptions): ReplayedStage[] {
  const done: ReplayedStage[] = [];
  const byName = new Map<string, ReplayedStage>();
  stages.forEach((stage, i) => {
    const root = join(opts.workRoot, `stage-${i}`);
    mkdirSync(root, { recursive: true });
    const state: ReplayedStage = { root, workdir: '/', env: {}, exposed: [] };
    const abs = (p: string) => join(root, posix.resolve(state.workdir, p));
    for (const ins of stage.instructions as Instruction[]) {
      switch (ins.op) {
        case 'WORKDIR':
          state.workdir = posix.resolve(state.workdir, ins.path);
          mkdirSync(join(root, state.workdir), { recursive: true });
          break;
        case 'COPY': {
          const toDir = ins.dest.endsWith('/') || ins.dest === '.' || ins.sources.length > 1;
          for (const source of ins.sources) {
            if (ins.from === undefined) copyFromContext(opts, source, abs(ins.dest), toDir);
            else {
              const from = byName.get(ins.from) ?? done[Number(ins.from)];
              if (!from) throw new Error(`COPY --from=${ins.from}: no such stage`);
              copyFromStage(from, source, abs(ins.dest), toDir);
            }
          }
          break;
        }
        case 'RUN':
          run(ins.command, join(root, state.workdir), state.env, opts);
          break;
        case 'ENV':
          Object.assign(state.env, ins.vars);
          break;
        case 'USER':
          state.user = ins.user;
          break;
        case 'EXPOSE':
          state.exposed.push(...ins.ports);
          break;
        case 'HEALTHCHECK':
          state.healthcheck = ins.command;
          break;
        case 'CMD':
          state.cmd = ins.command;
          break;
      }
    }
    done.push(state);
    if (stage.name) byName.set(stage.name, state);
  });
  return done;
}
