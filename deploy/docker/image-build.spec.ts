import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/src';
import type { RunningEmulator } from '../../emulator/src';
import { buildContextFiles } from './build-context';
import { replayBuild, ReplayedStage } from './build.replay';
import { parseDockerfile } from './dockerfile.parser';

/**
 * With no Docker engine in CI, the image build is replayed: the files the Dockerfile copies (as .dockerignore
 * lets them through) go into an empty directory, its build commands run there, the runtime stage receives
 * what its COPY --from lines take, and the server is started from that copy — as the image's own user, with
 * its directory read-only — against the emulator as Bedrock and Secrets Manager.
 * DOCKER_REPLAY_NPM_CI=run runs `npm ci` for real instead of hard-linking node_modules (build.replay.ts).
 */
const ROOT = join(__dirname, '..', '..');
const SECRET = 'bedrock-gateway/api-key';
const KEY = 'sk-replayed-image-key';
const IMAGE_UID = 1000; // the `node` user of the official Node images

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const walk = (dir: string, rel = ''): string[] =>
  readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`],
  );

describe('the Docker image, replayed without a Docker engine', () => {
  const asRoot = process.getuid?.() === 0;
  let work: string;
  let context: string[];
  let build: ReplayedStage;
  let runtime: ReplayedStage;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    const stages = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
    context = buildContextFiles(ROOT);
    work = mkdtempSync(join(tmpdir(), 'image-replay-'));
    chmodSync(work, 0o755);
    const npmCi = process.env.DOCKER_REPLAY_NPM_CI === 'run' ? 'run' : 'link';
    [build, runtime] = replayBuild(stages, {
      contextRoot: ROOT,
      contextFiles: context,
      workRoot: work,
      npmCi,
    });
    emulator = await startEmulator({ port: 0, secrets: { [SECRET]: JSON.stringify({ api_key: KEY }) } });
  }, 240_000);

  afterAll(async () => {
    await emulator?.close();
    if (work) {
      if (!asRoot) spawnSync('chmod', ['-R', 'u+w', work]);
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('sends a build context of the sources and build settings alone', () => {
    expect(context).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src/main.ts']));
    const stray = context.filter(
      (f) => !/^(package(-lock)?\.json|tsconfig(\.build)?\.json|src\/.+)$/.test(f) || /\.spec\.ts$/.test(f),
    );
    expect(stray).toEqual([]);
  });

  it('compiles every source file and no test support', () => {
    const dist = walk(join(build.root, 'app', 'dist'));
    expect(dist).toContain('src/main.js');
    expect(
      dist.filter((f) => /\.spec\.|test-helpers|test-fixtures|fixture|testing\/|^(emulator|test)\//.test(f)),
    ).toEqual([]);
    // The compiled registry finds every family folder (discovery by convention works on .js too).
    const compiled = join(runtime.root, 'app', 'dist/src/providers/families/discover-families.js');
    const { discoverFamilies } = require(compiled) as { discoverFamilies: () => { family: string }[] };
    expect(discoverFamilies().map((f) => f.family)).toEqual(
      expect.arrayContaining([
        'claude',
        'cohere',
        'deepseek',
        'generic',
        'llama',
        'mistral',
        'nova',
        'titan',
      ]),
    );
  });

  it('ships production dependencies only, none of them native (so one build serves amd64 and arm64)', () => {
    const modules = join(runtime.root, 'app', 'node_modules');
    for (const dev of ['typescript', 'jest', '@swc/core', 'openai'])
      expect(existsSync(join(modules, dev))).toBe(false);
    const find = spawnSync('find', [modules, '-name', '*.node', '-type', 'f'], { encoding: 'utf8' });
    expect(find.stdout.trim()).toBe('');
  });

  it('runs as a non-root user', () => {
    expect(runtime.user).toBe('node');
    expect(runtime.exposed).toEqual(['8000']);
  });

  it('starts from the runtime stage alone on a read-only app directory and serves /health, /ready and a chat completion', async () => {
    const app = join(runtime.root, runtime.workdir);
    const marker = join(work, 'marker');
    writeFileSync(marker, '');
    // Root ignores file modes, so as root the server runs as the image's user; otherwise the copy is made read-only.
    if (!asRoot) spawnSync('chmod', ['-R', 'a-w', runtime.root]);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '',
      ...runtime.env,
      PORT: String(port),
      // The metrics listener on a port of its own: the default (9464) may be taken by another process.
      METRICS_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      API_KEY_SECRET_ARN: SECRET,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
      AWS_ENDPOINT_URL_BEDROCK: emulator.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOR00000000',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret',
      HOME: '/nonexistent',
    };
    const [cmd, ...args] = runtime.cmd ?? [];
    expect(cmd).toBe('node');
    const child = spawn(process.execPath, args, {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: IMAGE_UID, gid: IMAGE_UID } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    try {
      let ready = 0;
      for (let i = 0; i < 150 && ready !== 200; i++) {
        ready = await fetch(`${base}/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect({ ready, output: ready === 200 ? '' : output }).toEqual({ ready: 200, output: '' });
      expect(await fetch(`${base}/health`).then((r) => r.json())).toEqual({ status: 'OK' });
      const chat = await fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'anthropic.claude-3-haiku-20240307-v1:0',
          messages: [{ role: 'user', content: 'hello from the image' }],
        }),
      });
      expect(chat.status).toBe(200);
      expect(emulator.requests().map((r) => r.operation)).toEqual(
        expect.arrayContaining(['GetSecretValue', 'Converse']),
      );
      // The image's HEALTHCHECK command, run as Docker would inside the container.
      const [hcCmd, ...hcArgs] = runtime.healthcheck ?? [];
      expect(hcCmd).toBe('node');
      const hc = spawnSync(process.execPath, hcArgs, { cwd: app, env, encoding: 'utf8' });
      expect(hc.status).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    // Nothing was written inside the image's filesystem copy.
    const changed = spawnSync('find', [runtime.root, '-newer', marker], { encoding: 'utf8' });
    expect(changed.stdout.trim()).toBe('');
  }, 60_000);
});
