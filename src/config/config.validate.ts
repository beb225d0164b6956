import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';
import type { FallbackMap } from '../limits/policy/key-policy';
import { parsePolicy } from '../limits/policy/policy.parse';
import { EnvironmentVariables } from './env.schema';
import { CHAT_FAMILIES } from '../catalog/model-capabilities';
import type { ApiKeyEntry, GatewayConfig, KeySource, LimitsConfig, ModelApiRule } from './gateway-config';

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
  const remote = (['API_KEY_SECRET_ARN', 'API_KEY_PARAM_NAME', 'API_KEYS_FILE'] as const).filter(
    (n) => env[n] !== undefined,
  );
  const local = (['API_KEY', 'API_KEYS'] as const).filter((n) => env[n] !== undefined);
  if (remote.length + local.length > 1 && remote.length > 0) {
    throw new ConfigError(
      `Configure one API key source, not several: ${[...remote, ...local].join(', ')} are all set.`,
    );
  }
  if (env.API_KEY_SECRET_ARN) return { kind: 'secrets-manager', secretId: env.API_KEY_SECRET_ARN };
  if (env.API_KEY_PARAM_NAME) return { kind: 'ssm', parameterName: env.API_KEY_PARAM_NAME };
  if (env.API_KEYS_FILE) {
    // Read once here so a broken file stops the boot with its reason; the key store reads it again later.
    try {
      parsePolicy(readFileSync(env.API_KEYS_FILE, 'utf8'), `API_KEYS_FILE ${env.API_KEYS_FILE}`);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
    return { kind: 'file', path: env.API_KEYS_FILE };
  }
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

function modelApiRules(value: string | undefined): ModelApiRule[] {
  return list(value ?? '').map((rule) => {
    const [pattern, target] = rule.split('=').map((s) => s.trim());
    const [api, family] = target.split(':') as ['converse' | 'native', string | undefined];
    if (family !== undefined && !CHAT_FAMILIES.includes(family)) {
      throw new ConfigError(
        `MODEL_API: '${rule}' names the family '${family}', which the gateway does not know (${CHAT_FAMILIES.join(', ')}).`,
      );
    }
    return family === undefined ? { pattern, api } : { pattern, api, family };
  });
}

function fallbacks(name: string, value: string | undefined): FallbackMap {
  const out = Object.create(null) as FallbackMap;
  for (const pair of list(value ?? '')) {
    const [model, chain] = pair.split('=').map((p) => p.trim());
    if (model in out) throw new ConfigError(`${name}: the model '${model}' is listed twice.`);
    out[model] = chain.split('|').map((m) => m.trim());
  }
  return out;
}

function limits(env: EnvironmentVariables, upstreamTimeoutMs: number): LimitsConfig {
  return {
    redisUrl: env.REDIS_URL,
    failMode: env.RATE_LIMIT_FAIL_MODE ?? 'open',
    reserveTokens: env.RATE_LIMIT_RESERVE_TOKENS ?? env.DEFAULT_MAX_TOKENS ?? 1024,
    fallbacks: fallbacks('MODEL_FALLBACKS', env.MODEL_FALLBACKS),
    contextFallbacks: fallbacks('MODEL_CONTEXT_FALLBACKS', env.MODEL_CONTEXT_FALLBACKS),
    requestDeadlineMs: env.REQUEST_DEADLINE_MS ?? upstreamTimeoutMs,
    maxInflight: env.MAX_INFLIGHT_REQUESTS ?? 1024,
    maxQueued: env.MAX_QUEUED_REQUESTS ?? 256,
    queueTimeoutMs: env.QUEUE_TIMEOUT_MS ?? 2_000,
  };
}

function origins(value: string | undefined): string[] {
  // Bedrock Access Gateway allows every origin unless told otherwise; `ALLOWED_ORIGINS=` (empty) turns CORS off.
  return list(value ?? '*');
}

/**
 * Tracing follows OpenTelemetry's own switches: an OTLP endpoint, or an exporter named in OTEL_TRACES_EXPORTER
 * (`none` keeps it off). The SDK itself reads the rest of the OTEL_* variables (protocol, headers, sampler).
 */
function tracing(env: EnvironmentVariables): GatewayConfig['tracing'] {
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  const enabled =
    exporter !== 'none' &&
    (exporter !== undefined ||
      env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined);
  return {
    enabled,
    captureContent: env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT ?? false,
    serviceName: env.OTEL_SERVICE_NAME ?? 'bedrock-gateway',
  };
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
  const upstreamTimeoutMs = env.UPSTREAM_TIMEOUT_MS ?? 600_000;
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
    upstreamTimeoutMs,
    streamIdleTimeoutMs: env.STREAM_IDLE_TIMEOUT_MS ?? 120_000,
    bedrockMaxAttempts: env.BEDROCK_MAX_ATTEMPTS ?? 3,
    bedrockTransport: env.BEDROCK_TRANSPORT ?? 'lean',
    bedrockMaxConnections: env.BEDROCK_MAX_CONNECTIONS ?? 1024,
    usageLog: env.USAGE_LOG ?? true,
    metrics: { port: env.METRICS_PORT ?? 9464, host: env.METRICS_HOST ?? env.HOST ?? '0.0.0.0' },
    tracing: tracing(env),
    // Kubernetes allows 30 s between SIGTERM and SIGKILL by default; finish before that.
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 25_000,
    http: {
      // Headers arrive in one packet from any honest client; 10 s is generous and frees slowloris sockets.
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS ?? 10_000,
      // Room for the largest body (MAX_REQUEST_BYTES, 30 MB) on a slow link.
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS ?? 300_000,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 65_000,
    },
    // AWS load balancers cut connections idle for 60 s; other proxies often at 30 s.
    sseKeepAliveMs: env.SSE_KEEPALIVE_MS ?? 10_000,
    authFailures: { limit: env.AUTH_FAILURE_LIMIT ?? 20, windowMs: env.AUTH_FAILURE_WINDOW_MS ?? 60_000 },
    trustProxy: trustProxy(env.TRUST_PROXY),
    apiKeyRefreshMs: env.API_KEY_REFRESH_MS ?? 5 * 60_000,
    imageFetch: {
      enabled: env.IMAGE_FETCH_ENABLED ?? true,
      timeoutMs: env.IMAGE_FETCH_TIMEOUT_MS ?? 10_000,
      allowedHosts: list(env.IMAGE_FETCH_ALLOWED_HOSTS ?? ''),
    },
    modelCatalogRefreshMs: env.MODEL_CATALOG_REFRESH_MS ?? 600_000,
    modelCatalogBootTimeoutMs: env.MODEL_CATALOG_BOOT_TIMEOUT_MS ?? 5_000,
    allowedModels: env.ALLOWED_MODELS === undefined ? undefined : list(env.ALLOWED_MODELS),
    modelAliases: aliases(env.MODEL_ALIASES),
    modelApi: modelApiRules(env.MODEL_API),
    anthropicModelMap: aliases(env.ANTHROPIC_MODEL_MAP, 'ANTHROPIC_MODEL_MAP'),
    embeddingConcurrency: env.EMBEDDING_CONCURRENCY ?? 8,
    embeddingTokenEncoding: env.EMBEDDING_TOKEN_ENCODING ?? 'cl100k_base',
    limits: limits(env, upstreamTimeoutMs),
    redisUrl: env.REDIS_URL,
    responses: {
      encryptionKey: env.RESPONSES_ENCRYPTION_KEY,
      storeTtlMs: (env.RESPONSES_STORE_TTL_SECONDS ?? 86_400) * 1000,
      storeMaxEntries: env.RESPONSES_STORE_MAX_ENTRIES ?? 10_000,
      storeMaxBytes: env.RESPONSES_STORE_MAX_BYTES ?? 256 * 1024 * 1024,
    },
  };
}

function trustProxy(value: string | undefined): boolean | number | string[] {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return list(v);
}
