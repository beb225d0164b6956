import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startEmulator } from '../emulator/src';
import { postSse } from './support/sse';

const ROOT = join(__dirname, '..');
// Each test starts src/main.ts, compiled on the fly: seconds on a busy 2-core machine.
jest.setTimeout(90_000);

/** Runs src/main.ts as a deployment would (its own process, configuration only from the environment). */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', './scripts/register-ts.js', 'src/main.ts'], {
    cwd: ROOT,
    // METRICS_PORT=0: parallel gateways (and other test files) cannot all bind the default metrics port.
    env: {
      PATH: process.env.PATH ?? '',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, out: () => stdout, err: () => stderr };
}

describe('boot', () => {
  it('refuses to start without a key source, saying how to configure one (exit 78)', async () => {
    const run = runMain({ AWS_REGION: 'us-east-1' });
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(78);
    expect(run.err()).toContain('No API key source configured: set API_KEY');
  });

  it('refuses bad settings, naming each variable', async () => {
    const run = runMain({ API_KEY: 'k', PORT: 'eighty', ENABLE_CROSS_REGION_INFERENCE: 'perhaps' });
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(78);
    expect(run.err()).toContain('PORT="eighty": must be an integer number');
    expect(run.err()).toContain('ENABLE_CROSS_REGION_INFERENCE="perhaps": must be a boolean value');
  });

  it('starts with a valid configuration, serves /health, and stops cleanly on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = runMain({
      API_KEY: 'k',
      PORT: String(port),
      HOST: '127.0.0.1',
      AWS_REGION: 'us-east-1',
      LOG_LEVEL: 'info',
    });
    try {
      let body: unknown;
      // Compiling src/ on the fly takes seconds on a busy 2-core machine.
      for (let i = 0; i < 400 && body === undefined; i++) {
        body = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.json(),
          () => undefined,
        );
        if (body === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(body).toEqual({ status: 'OK' });
      expect(run.out()).toContain(`listening on http://127.0.0.1:${port}`);
    } finally {
      run.child.kill('SIGTERM');
    }
    const [code, signal] = await once(run.child, 'exit');
    // Nest closes the application, then re-raises the signal so the exit status says why the process ended.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(run.out()).toContain('shutting down (SIGTERM): not ready any more, finishing requests in flight');
  });

  it('lets a stream in flight finish when told to stop', async () => {
    const emulator = await startEmulator({ port: 0, chunkDelayMs: 100 });
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = runMain({
      API_KEY: 'sk-test-gateway-key',
      PORT: String(port),
      HOST: '127.0.0.1',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOR00000000',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret',
      LOG_LEVEL: 'info',
    });
    try {
      // Compiling src/ on the fly takes seconds on a busy 2-core machine.
      for (let i = 0; i < 400 && !run.out().includes('listening on'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(run.out()).toContain('listening on');
      const stream = postSse(`http://127.0.0.1:${port}`, {
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        stream: true,
        messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
      });
      while (!emulator.requests().some((e) => e.operation === 'ConverseStream'))
        await new Promise((r) => setTimeout(r, 20));
      run.child.kill('SIGTERM');
      const res = await stream;
      expect(res.frames.at(-1)).toBe('[DONE]');
      expect(
        res.json
          .map((c) => (c as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '')
          .join(''),
      ).toBe('You said: one two three four five six seven eight');
      await once(run.child, 'exit');
      // Drained, not cut off: the shutdown did not have to close connections when the grace period ran out.
      expect(run.out()).toContain('shutting down (SIGTERM)');
      expect(run.out()).not.toContain('requests still open');
    } finally {
      run.child.kill('SIGKILL');
      await emulator.close();
    }
  });
});
