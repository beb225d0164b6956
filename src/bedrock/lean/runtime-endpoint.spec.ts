import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelPath, resolveRuntimeEndpoint } from './runtime-endpoint';

const VARIABLES = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_CONFIG_FILE',
  'AWS_PROFILE',
  'AWS_USE_FIPS_ENDPOINT',
];

/** Directories made by {@link configFile}, removed after all tests. */
const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** A shared config file of its own for each test (the SDK caches what it read per path). */
function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
  madeDirs.push(dir);
  const path = join(dir, 'config');
  writeFileSync(path, text);
  return path;
}

describe('resolveRuntimeEndpoint (the SDK’s own resolution, docs/bedrock-protocol.md §1.2)', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    // No profile file of the developer's may leak in.
    process.env.AWS_CONFIG_FILE = configFile('');
  });
  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("defaults to the region's public endpoint", async () => {
    expect(await resolveRuntimeEndpoint('eu-west-1')).toEqual({
      origin: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
      host: 'bedrock-runtime.eu-west-1.amazonaws.com',
      basePath: '',
    });
  });

  it('follows the FIPS setting the SDK reads', async () => {
    process.env.AWS_USE_FIPS_ENDPOINT = 'true';
    expect((await resolveRuntimeEndpoint('us-east-1')).host).toBe(
      'bedrock-runtime-fips.us-east-1.amazonaws.com',
    );
  });

  it('prefers AWS_ENDPOINT_URL_BEDROCK_RUNTIME over AWS_ENDPOINT_URL, and ignores the control plane’s variable', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9001';
    process.env.AWS_ENDPOINT_URL_BEDROCK = 'http://127.0.0.1:9002';
    expect((await resolveRuntimeEndpoint('us-east-1')).origin).toBe('http://127.0.0.1:9001');
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = 'http://127.0.0.1:9003/prefix/path/';
    expect(await resolveRuntimeEndpoint('us-east-1')).toEqual({
      origin: 'http://127.0.0.1:9003',
      host: '127.0.0.1:9003',
      basePath: '/prefix/path',
    });
  });

  it("reads the shared config's services section, then the profile's endpoint_url", async () => {
    process.env.AWS_CONFIG_FILE = configFile(
      '[profile gw]\nservices = local\nendpoint_url = http://profile.example:1\n\n' +
        '[services local]\nbedrock_runtime =\n  endpoint_url = http://service.example:2\n\n' +
        '[profile plain]\nendpoint_url = http://profile.example:3\n',
    );
    process.env.AWS_PROFILE = 'gw';
    expect((await resolveRuntimeEndpoint('us-east-1')).origin).toBe('http://service.example:2');
    process.env.AWS_PROFILE = 'plain';
    expect((await resolveRuntimeEndpoint('us-east-1')).origin).toBe('http://profile.example:3');
  });

  it('ignores every configured endpoint when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', async () => {
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = 'http://127.0.0.1:9003';
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
    expect((await resolveRuntimeEndpoint('us-west-2')).origin).toBe(
      'https://bedrock-runtime.us-west-2.amazonaws.com',
    );
  });
});

describe('modelPath', () => {
  it('puts the endpoint path in front and the model id in one encoded segment', () => {
    const endpoint = { origin: 'http://h', host: 'h', basePath: '/prefix' };
    expect(modelPath(endpoint, 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'converse-stream')).toBe(
      '/prefix/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream',
    );
  });
});
