import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvironmentVariables } from './env.schema';
import type { ApiKeyEntry, GatewayConfig, KeySource } from './gateway-config';

/** Thrown at boot when the environment is unusable; the message names each bad variable and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Bedrock Access Gateway's defaults, so an unchanged deployment behaves the same.
const DEFAULTS = {
  region: 'us-west-2',
  defaultModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  defaultEmbeddingModel: 'cohere.embed-multilingual-v3',
  port: 8000,
};

/** One line per bad variable: its name, the value received, and the first rule it breaks. */
function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const constraints = Object.values(e.constraints ?? {});
    const typeRule = constraints.find((m) => /must be (an integer|a boolean|a string)/.test(m));
    const rule = (typeRule ?? constraints[0] ?? 'is invalid').replace(new RegExp(`^${e.property} `), '');
    const shown =
      typeof e.value === 'string' && /KEY|SECRET/.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
    return `${e.property}=${shown}: ${rule}`;
  });
}

function parseKeyList(list: string): ApiKeyEntry[] {
  return list.split(',').map((pair) => {
    const [name, ...rest] = pair.trim().split('=');
    return { name: name.trim(), key: rest.join('=').trim() };
  });
}

function keySource(env: EnvironmentVariables): KeySource {
  const remote = (['API_KEY_SECRET_ARN', 'API_KEY_PARAM_NAME'] as const).filter((n) => env[n] !== undefined);
  const local = (['API_KEY', 'API_KEYS'] as const).filter((n) => env[n] !== undefined);
  if (remote.length + local.length > 1 && remote.length > 0) {
    throw new ConfigError(
      `Configure one API key source, not several: ${[...remote, ...local].join(', ')} are all set.`,
    );
  }
  if (env.API_KEY_SECRET_ARN) return { kind: 'secrets-manager', secretId: env.API_KEY_SECRET_ARN };
  if (env.API_KEY_PARAM_NAME) return { kind: 'ssm', parameterName: env.API_KEY_PARAM_NAME };
  // OPENAI_API_KEY is Bedrock Access Gateway's last-resort source; it is often set in shells for other tools,
  // so it only counts when nothing else is configured.
  const single = env.API_KEY ?? (env.API_KEYS ? undefined : env.OPENAI_API_KEY);
  const keys = [
    ...(single ? [{ name: 'default', key: single }] : []),
    ...(env.API_KEYS ? parseKeyList(env.API_KEYS) : []),
  ];
  if (keys.length === 0) {
    throw new ConfigError(
      'No API key source configured: set API_KEY (or API_KEYS=name=key,…), API_KEY_SECRET_ARN (Secrets Manager) ' +
        'or API_KEY_PARAM_NAME (SSM Parameter Store). The gateway never runs without authentication.',
    );
  }
  if (new Set(keys.map((k) => k.name)).size !== keys.length) {
    throw new ConfigError('API_KEYS: each key name must be unique (and "default" is taken by API_KEY).');
  }
  if (new Set(keys.map((k) => k.key)).size !== keys.length) {
    throw new ConfigError('API_KEYS: two names share one key, so usage could not be told apart.');
  }
  return { kind: 'env', keys };
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function aliases(value: string | undefined, variable = 'MODEL_ALIASES'): Record<string, string> {
  // No prototype: an alias named `constructor` must not find Object's.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of list(value ?? '')) {
    const [name, target] = pair.split('=').map((s) => s.trim());
    if (name in out) throw new ConfigError(`${variable}: the alias '${name}' is defined twice.`);
    out[name] = target;
  }
  return out;
}

function origins(value: string | undefined): string[] {
  // Bedrock Access Gateway allows every origin unless told otherwise; `ALLOWED_ORIGINS=` (empty) turns CORS off.
  return list(value ?? '*');
}

/** Validates the raw environment and builds the typed configuration, or throws a {@link ConfigError}. */
export function loadConfig(raw: Record<string, string | undefined>): GatewayConfig {
  // An empty variable (`API_KEY=` in a compose file or Helm values) means unset, as in Bedrock Access Gateway;
  // only ALLOWED_ORIGINS keeps its empty value, which switches CORS off.
  const given = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v !== '' || k === 'ALLOWED_ORIGINS'),
  );
  const env = plainToInstance(EnvironmentVariables, given, { excludeExtraneousValues: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${describe(errors).join('\n  - ')}`);
  }
  const debug = env.DEBUG ?? false;
  return {
    port: env.PORT ?? DEFAULTS.port,
    host: env.HOST ?? '0.0.0.0',
    logLevel: debug ? 'debug' : (env.LOG_LEVEL ?? 'info'),
    debug,
    region: env.AWS_REGION ?? given.AWS_DEFAULT_REGION ?? DEFAULTS.region,
    keySource: keySource(env),
    defaultModel: env.DEFAULT_MODEL ?? DEFAULTS.defaultModel,
    defaultEmbeddingModel: env.DEFAULT_EMBEDDING_MODEL ?? DEFAULTS.defaultEmbeddingModel,
    enableCrossRegionInference: env.ENABLE_CROSS_REGION_INFERENCE ?? true,
    enableApplicationInferenceProfiles: env.ENABLE_APPLICATION_INFERENCE_PROFILES ?? true,
    enablePromptCaching: env.ENABLE_PROMPT_CACHING ?? false,
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    routePrefixes: [...new Set(['/v1', env.API_ROUTE_PREFIX ?? '/api/v1'])],
    defaultMaxTokens: env.DEFAULT_MAX_TOKENS,
    maxRequestBytes: env.MAX_REQUEST_BYTES ?? 30 * 1024 * 1024,
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS ?? 600_000,
    streamIdleTimeoutMs: env.STREAM_IDLE_TIMEOUT_MS ?? 120_000,
    bedrockMaxAttempts: env.BEDROCK_MAX_ATTEMPTS ?? 3,
    bedrockTransport: env.BEDROCK_TRANSPORT ?? 'lean',
    bedrockMaxConnections: env.BEDROCK_MAX_CONNECTIONS ?? 1024,
    usageLog: env.USAGE_LOG ?? true,
    // Kubernetes allows 30 s between SIGTERM and SIGKILL by default; finish before that.
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 25_000,
    imageFetch: {
      enabled: env.IMAGE_FETCH_ENABLED ?? true,
      timeoutMs: env.IMAGE_FETCH_TIMEOUT_MS ?? 10_000,
      allowedHosts: list(env.IMAGE_FETCH_ALLOWED_HOSTS ?? ''),
    },
    modelCatalogRefreshMs: env.MODEL_CATALOG_REFRESH_MS ?? 600_000,
    modelCatalogBootTimeoutMs: env.MODEL_CATALOG_BOOT_TIMEOUT_MS ?? 5_000,
    allowedModels: env.ALLOWED_MODELS === undefined ? undefined : list(env.ALLOWED_MODELS),
    modelAliases: aliases(env.MODEL_ALIASES),
    anthropicModelMap: aliases(env.ANTHROPIC_MODEL_MAP, 'ANTHROPIC_MODEL_MAP'),
    embeddingConcurrency: env.EMBEDDING_CONCURRENCY ?? 8,
    embeddingTokenEncoding: env.EMBEDDING_TOKEN_ENCODING ?? 'cl100k_base',
  };
}
