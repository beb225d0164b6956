import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { converseInput, runtimeClient } from './support/sdk';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.emulator;

/** Starts the same command line `npm run emulator` runs, minus npm itself (so signals reach node). */
function startCli(args: string[]): ChildProcessWithoutNullStreams {
  const [command, ...scriptArgs] = SCRIPT.split(' ');
  expect(command).toBe('node');
  return spawn(process.execPath, [...scriptArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

function waitForUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Bedrock emulator listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm run emulator', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints its URL, serves the SDK with the given flags, and exits cleanly on %s',
    async (signal) => {
      const child = startCli(['--port', '0', '--reply-words', '4']);
      const url = await waitForUrl(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const out = await runtimeClient({ url }).send(
        new ConverseCommand(converseInput('tell me a long story')),
      );
      expect(out.output?.message?.content?.[0]?.text?.trim().split(/\s+/)).toHaveLength(4);
      const exited = exitCode(child);
      child.kill(signal);
      await expect(exited).resolves.toBe(0);
    },
  );

  it('rejects unknown options with usage and exit code 2', async () => {
    const child = startCli(['--bogus', '1']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    await expect(exitCode(child)).resolves.toBe(2);
    expect(err).toContain('unknown option --bogus');
    expect(err).toContain('Usage: npm run emulator');
  });
});
