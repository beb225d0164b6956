import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TEST_KEY, TestGateway } from '../support/gateway.harness';

/**
 * Codex CLI itself (the pinned npm package, its native binary) against the gateway on the emulator: `codex
 * exec` with a custom provider speaking the Responses wire API, as a developer would configure it.
 */
/** Runs a command with stdin closed (Codex reads a piped stdin to its end before starting). */
function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const CODEX = require.resolve('@openai/codex/bin/codex.js');
const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

type ConverseBody = {
  messages: { role: string; content: Record<string, unknown>[] }[];
  toolConfig?: { tools: { toolSpec: { name: string } }[] };
};

let gw: TestGateway;
let home: string;
beforeAll(async () => {
  gw = await startTestGateway();
  home = mkdtempSync(join(tmpdir(), 'codex-home-'));
  writeFileSync(
    join(home, 'config.toml'),
    [
      `model = "${SONNET_45}"`,
      'model_provider = "bedrock-gateway"',
      'model_reasoning_effort = "low"',
      '',
      '[model_providers.bedrock-gateway]',
      'name = "Bedrock gateway"',
      `base_url = "${gw.url}/v1"`,
      'wire_api = "responses"',
      'env_key = "BEDROCK_GATEWAY_API_KEY"',
      // Codex reconnects five times on errors by default; a test wants to see the first failure.
      'request_max_retries = 0',
      'stream_max_retries = 0',
    ].join('\n'),
  );
});
afterAll(async () => {
  await gw.close();
  rmSync(home, { recursive: true, force: true });
});

async function codexExec(prompt: string): Promise<{ lastMessage: string; stderr: string }> {
  const work = mkdtempSync(join(home, 'work-'));
  const last = join(work, 'last-message.txt');
  const { code, stderr } = await run(
    [
      CODEX,
      'exec',
      '--skip-git-repo-check',
      '--ephemeral',
      '--dangerously-bypass-approvals-and-sandbox',
      '-C',
      work,
      '-o',
      last,
      prompt,
    ],
    { PATH: process.env.PATH, HOME: home, CODEX_HOME: home, BEDROCK_GATEWAY_API_KEY: TEST_KEY },
    45_000,
  );
  if (code !== 0) throw new Error(`codex exec exited with ${code}:\n${stderr}`);
  return { lastMessage: readFileSync(last, 'utf8').trim(), stderr };
}

describe('Codex CLI (codex exec) on the gateway', () => {
  it('completes a turn', async () => {
    const since = mark(gw.emulator);
    const { lastMessage } = await codexExec('say hello to the gateway');
    expect(lastMessage).toContain('say hello to the gateway');
    const calls = runtimeRequests(gw.emulator, since);
    expect(calls.map((c) => c.operation)).toEqual(['ConverseStream']);
    const body = calls[0].body as ConverseBody;
    // Codex's own function tools reached Bedrock (its namespace flattened); web_search was left out.
    const names = body.toolConfig!.tools.map((t) => t.toolSpec.name);
    expect(names).toContain('exec_command');
    expect(names.some((n) => n.includes('__'))).toBe(true);
    expect(names).not.toContain('web_search');
  });

  it('calls one of its function tools and finishes after the tool output, its thinking carried across turns', async () => {
    const since = mark(gw.emulator);
    const { lastMessage } = await codexExec('please use exec_command to look around');
    const calls = runtimeRequests(gw.emulator, since);
    expect(calls).toHaveLength(2);
    const second = calls[1].body as ConverseBody;
    const assistant = second.messages.findLast((m) => m.role === 'assistant')!;
    // The signed thinking went out sealed in encrypted_content and came back intact (the emulator verifies it).
    expect(Object.keys(assistant.content[0])).toEqual(['reasoningContent']);
    expect(assistant.content.at(-1)).toMatchObject({
      toolUse: { name: 'exec_command', input: { cmd: 'cmd-sample' } },
    });
    const results = second.messages.at(-1)!.content;
    expect(results[0]).toMatchObject({
      toolResult: {
        toolUseId: (assistant.content.at(-1) as { toolUse: { toolUseId: string } }).toolUse.toolUseId,
      },
    });
    expect(calls[1].status).toBe(200);
    // Codex ran the command the model asked for (the emulator's sample input) and the answer quotes its output.
    expect(lastMessage).toContain('cmd-sample: command not found');
  });
});
