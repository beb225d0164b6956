import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.validate';

const base = { API_KEY: 'k' };

describe('loadConfig', () => {
  it('uses Bedrock Access Gateway defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      port: 8000,
      region: 'us-west-2',
      defaultModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      defaultEmbeddingModel: 'cohere.embed-multilingual-v3',
      enableCrossRegionInference: true,
      enableApplicationInferenceProfiles: true,
      enablePromptCaching: false,
      allowedOrigins: ['*'],
      routePrefixes: ['/v1', '/api/v1'],
    });
    expect(c.keySource).toEqual({ kind: 'env', keys: [{ name: 'default', key: 'k' }] });
  });

  it('fails with a clear message when no key source is configured', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/No API key source configured: set API_KEY/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ API_KEY: '', API_KEY_PARAM_NAME: '/p', PORT: '' })).toMatchObject({
      port: 8000,
      keySource: { kind: 'ssm' },
    });
  });

  it('refuses two key sources', () => {
    expect(() => loadConfig({ API_KEY: 'k', API_KEY_SECRET_ARN: 'arn:x' })).toThrow(
      /one API key source, not several: API_KEY_SECRET_ARN, API_KEY/,
    );
  });

  it('names each bad variable once, with the value it got', () => {
    let message = '';
    try {
      loadConfig({ ...base, PORT: 'abc', LOG_LEVEL: 'loud', ENABLE_PROMPT_CACHING: 'maybe' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('PORT="abc": must be an integer number');
    expect(message).toContain(
      'LOG_LEVEL="loud": must be one of the following values: error, warn, info, debug',
    );
    expect(message).toContain('ENABLE_PROMPT_CACHING="maybe": must be a boolean value');
    expect(message.match(/PORT/g)).toHaveLength(1);
  });

  it('never prints a key in an error', () => {
    expect(() => loadConfig({ API_KEYS: 'team a=secret-value' })).toThrow(/API_KEYS=\(hidden\)/);
  });

  it('reads booleans the way Bedrock Access Gateway documents them', () => {
    expect(
      loadConfig({ ...base, ENABLE_CROSS_REGION_INFERENCE: 'false', ENABLE_PROMPT_CACHING: 'TRUE' }),
    ).toMatchObject({
      enableCrossRegionInference: false,
      enablePromptCaching: true,
    });
  });

  it('accepts one key per team and keeps names for usage accounting', () => {
    expect(loadConfig({ API_KEYS: 'team-a=k1, team-b=k2' }).keySource).toEqual({
      kind: 'env',
      keys: [
        { name: 'team-a', key: 'k1' },
        { name: 'team-b', key: 'k2' },
      ],
    });
    expect(() => loadConfig({ API_KEYS: 'a=k1,b=k1' })).toThrow(/share one key/);
  });

  it('falls back to OPENAI_API_KEY only when nothing else is set', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'o' }).keySource).toEqual({
      kind: 'env',
      keys: [{ name: 'default', key: 'o' }],
    });
    expect(loadConfig({ OPENAI_API_KEY: 'o', API_KEY_PARAM_NAME: '/p' }).keySource).toEqual({
      kind: 'ssm',
      parameterName: '/p',
    });
  });

  it('serves API_ROUTE_PREFIX besides /v1, DEBUG implies debug logs, and an empty ALLOWED_ORIGINS turns CORS off', () => {
    const c = loadConfig({ ...base, API_ROUTE_PREFIX: '/bedrock/v1', DEBUG: 'true', ALLOWED_ORIGINS: '' });
    expect(c.routePrefixes).toEqual(['/v1', '/bedrock/v1']);
    expect(c.logLevel).toBe('debug');
    expect(c.allowedOrigins).toEqual([]);
  });

  it('chooses the Bedrock transport (lean by default) and caps its connections', () => {
    expect(loadConfig(base)).toMatchObject({ bedrockTransport: 'lean', bedrockMaxConnections: 1024 });
    expect(loadConfig({ ...base, BEDROCK_TRANSPORT: 'sdk', BEDROCK_MAX_CONNECTIONS: '64' })).toMatchObject({
      bedrockTransport: 'sdk',
      bedrockMaxConnections: 64,
    });
    expect(() => loadConfig({ ...base, BEDROCK_TRANSPORT: 'http2' })).toThrow(
      /BEDROCK_TRANSPORT="http2": must be one of the following values: lean, sdk/,
    );
    expect(() => loadConfig({ ...base, BEDROCK_MAX_CONNECTIONS: '0' })).toThrow(/BEDROCK_MAX_CONNECTIONS/);
  });

  it('reads the model catalog, allow-list, alias and embedding settings', () => {
    expect(loadConfig(base)).toMatchObject({
      modelCatalogRefreshMs: 600_000,
      modelCatalogBootTimeoutMs: 5_000,
      allowedModels: undefined,
      modelAliases: {},
      embeddingConcurrency: 8,
      embeddingTokenEncoding: 'cl100k_base',
    });
    const c = loadConfig({
      ...base,
      ALLOWED_MODELS: 'anthropic.*, us.amazon.nova-pro-v1:0',
      MODEL_ALIASES:
        'gpt-4o=us.anthropic.claude-3-5-sonnet-20240620-v1:0, text-embedding-3-small=amazon.titan-embed-text-v2:0',
      EMBEDDING_CONCURRENCY: '3',
      EMBEDDING_TOKEN_ENCODING: 'o200k_base',
    });
    expect(c.allowedModels).toEqual(['anthropic.*', 'us.amazon.nova-pro-v1:0']);
    expect({ ...c.modelAliases }).toEqual({
      'gpt-4o': 'us.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'text-embedding-3-small': 'amazon.titan-embed-text-v2:0',
    });
    expect(c).toMatchObject({ embeddingConcurrency: 3, embeddingTokenEncoding: 'o200k_base' });
  });

  it('reads MODEL_API rules in order, and refuses a malformed rule or an unknown family', () => {
    expect(loadConfig(base).modelApi).toEqual([]);
    expect(
      loadConfig({ ...base, MODEL_API: 'meta.llama3*=native, *imported-model/*=native:llama,*=converse' })
        .modelApi,
    ).toEqual([
      { pattern: 'meta.llama3*', api: 'native' },
      { pattern: '*imported-model/*', api: 'native', family: 'llama' },
      { pattern: '*', api: 'converse' },
    ]);
    expect(() => loadConfig({ ...base, MODEL_API: 'meta.*=invoke' })).toThrow(/MODEL_API="meta.\*=invoke"/);
    expect(() => loadConfig({ ...base, MODEL_API: 'x*=native:gemini' })).toThrow(/family 'gemini'/);
  });

  it('refuses malformed aliases, a doubled alias and out-of-range catalog and embedding settings', () => {
    expect(() => loadConfig({ ...base, MODEL_ALIASES: 'gpt-4o' })).toThrow(
      /MODEL_ALIASES="gpt-4o": must be a comma-separated list of alias=model pairs/,
    );
    expect(() => loadConfig({ ...base, MODEL_ALIASES: 'a=x,a=y' })).toThrow(/alias 'a' is defined twice/);
    expect(() => loadConfig({ ...base, MODEL_CATALOG_REFRESH_MS: '10' })).toThrow(
      /MODEL_CATALOG_REFRESH_MS=10: must not be less than 1000/,
    );
    expect(() => loadConfig({ ...base, EMBEDDING_CONCURRENCY: '0' })).toThrow(
      /EMBEDDING_CONCURRENCY=0: must not be less than 1/,
    );
    expect(() => loadConfig({ ...base, EMBEDDING_TOKEN_ENCODING: 'p50k_base' })).toThrow(
      /EMBEDDING_TOKEN_ENCODING="p50k_base"/,
    );
  });

  it('reads MODEL_FALLBACKS and the limits settings, with their defaults', () => {
    expect(loadConfig(base).limits).toMatchObject({
      failMode: 'open',
      reserveTokens: 1024,
      fallbacks: {},
      maxInflight: 1024,
      requestDeadlineMs: 600_000,
    });
    const c = loadConfig({
      ...base,
      MODEL_FALLBACKS: 'claude=llama|nova, gpt-4o=claude',
      MODEL_CONTEXT_FALLBACKS: 'claude=nova',
      REDIS_URL: 'redis://cache:6379',
      RATE_LIMIT_FAIL_MODE: 'closed',
    });
    expect({ ...c.limits.fallbacks }).toEqual({ claude: ['llama', 'nova'], 'gpt-4o': ['claude'] });
    expect({ ...c.limits.contextFallbacks }).toEqual({ claude: ['nova'] });
    expect(c.limits).toMatchObject({ redisUrl: 'redis://cache:6379', failMode: 'closed' });
    expect(() => loadConfig({ ...base, MODEL_FALLBACKS: 'claude' })).toThrow(
      /MODEL_FALLBACKS="claude": must look like/,
    );
    expect(() => loadConfig({ ...base, RATE_LIMIT_FAIL_MODE: 'ajar' })).toThrow(/RATE_LIMIT_FAIL_MODE/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'cache:6379' })).toThrow(
      /REDIS_URL="cache:6379": must be a redis:\/\//,
    );
  });

  it('takes a policy file as the key source, and stops the boot on a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'keys.yaml');
    try {
      writeFileSync(file, 'keys: [{name: a, key: k, rpm: 5}]');
      expect(loadConfig({ API_KEYS_FILE: file }).keySource).toEqual({ kind: 'file', path: file });
      expect(() => loadConfig({ ...base, API_KEYS_FILE: file })).toThrow(/one API key source/);
      writeFileSync(file, 'keys: [{name: a, key: k, rpm: 5, burst: 2}]');
      expect(() => loadConfig({ API_KEYS_FILE: file })).toThrow(/unknown field 'burst'/);
      expect(() => loadConfig({ API_KEYS_FILE: join(dir, 'missing.yaml') })).toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
