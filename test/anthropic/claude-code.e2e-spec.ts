import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';
import { SONNET_45_PROFILE } from './anthropic.harness';

/**
 * Claude Code itself (the pinned npm package) against the gateway on the emulator, configured the way its
 * users do it: ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN, nothing else. It keeps its own default model (a
 * name newer than the gateway's table), so the operator's ANTHROPIC_MODEL_MAP tier entry decides the model.
 */
function claudeBinary(): string {
  const pkg = dirname(require.resolve('@anthropic-ai/claude-code/package.json'));
  const wrapper = join(pkg, 'bin', 'claude.exe');
  // The package's install script puts the native binary in place of a small stub; without it, use the
  // platform package the stub would have copied.
  if (existsSync(wrapper) && statSync(wrapper).size > 1_000_000) return wrapper;
  return join(
    dirname(require.resolve(`@anthropic-ai/claude-code-${process.platform}-${process.arch}/package.json`)),
    'claude',
  );
}

let gw: TestGateway;
let home: string;
let workdir: string;

function claude(prompt: string): Promise<{ stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    TMPDIR: home,
    ANTHROPIC_BASE_URL: gw.url,
    ANTHROPIC_AUTH_TOKEN: TEST_KEY,
    // No telemetry, update checks or other calls to the internet (there is none here).
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
  };
  return new Promise((resolve, reject) => {
    const child = execFile(
      claudeBinary(),
      ['-p', prompt],
      { env, cwd: workdir, timeout: 45_000 },
      (err, stdout, stderr) =>
        err ? reject(Object.assign(err, { stdout, stderr })) : resolve({ stdout, stderr }),
    );
    child.stdin?.end();
  });
}

beforeAll(async () => {
  gw = await startTestGateway({ ANTHROPIC_MODEL_MAP: `opus=${SONNET_45_PROFILE}` });
  home = mkdtempSync(join(tmpdir(), 'claude-code-home-'));
  workdir = mkdtempSync(join(tmpdir(), 'claude-code-work-'));
  writeFileSync(join(workdir, 'file_path-sample'), 'The secret word is pelican.\n');
});
afterAll(async () => {
  await gw.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(workdir, { recursive: true, force: true });
});

describe('Claude Code (claude -p) through the gateway', () => {
  it('prints the emulator’s answer; Bedrock gets a native body it accepts', async () => {
    const since = gw.emulator.requests().at(-1)?.seq ?? 0;
    const { stdout } = await claude('Say hello');
    expect(stdout.trim()).toBe('You said: Say hello');

    const [call] = runtimeRequests(gw.emulator, since);
    expect(call).toMatchObject({
      operation: 'InvokeModelWithResponseStream',
      modelId: SONNET_45_PROFILE,
      status: 200,
    });
    const body = call.body as Record<string, unknown>;
    const messages = body.messages as { role: string }[];
    // Claude Code's trailing system-role message (its environment) went into the system prompt.
    expect(messages.map((m) => m.role)).toEqual(['user']);
    expect(JSON.stringify(body.system)).toContain('Primary working directory');
    // Its betas were cut to what Bedrock takes for Sonnet 4.5; adaptive thinking became a budget; the
    // 128k max_tokens was clamped to the model's limit; fields Bedrock refuses were left out.
    expect(body.anthropic_beta).toEqual(
      expect.arrayContaining(['interleaved-thinking-2025-05-14', 'context-management-2025-06-27']),
    );
    expect(body.anthropic_beta).not.toContain('claude-code-20250219');
    expect(body).toMatchObject({ max_tokens: 64000, thinking: { type: 'enabled', budget_tokens: 8192 } });
    expect(body).not.toHaveProperty('output_config');
    expect(JSON.stringify(body.tools)).not.toContain('defer_loading');
  }, 60_000);

  it('calls a tool the emulator asks for and answers with its result', async () => {
    const since = gw.emulator.requests().at(-1)?.seq ?? 0;
    const { stdout } = await claude('Use Read to open the notes');
    expect(stdout).toContain('Tool Read returned:');
    expect(stdout).toContain('The secret word is pelican.');

    const calls = runtimeRequests(gw.emulator, since);
    expect(calls.map((c) => c.status)).toEqual([200, 200]);
    const followUp = calls[1].body as { messages: { role: string; content: { type: string }[] }[] };
    const last = followUp.messages.at(-1)!;
    expect(last.role).toBe('user');
    expect(last.content.map((b) => b.type)).toContain('tool_result');
  }, 60_000);
});
