import type { FallbackMap, KeyPolicy } from '../limits/policy/key-policy';
import type { BedrockTransportName, LogLevelName, RateLimitFailMode, TokenEncodingName } from './env.schema';

export interface ApiKeyEntry {
  /** Who the key belongs to; appears in usage records and logs instead of the key. */
  name: string;
  /** The key itself, or (policy files) only its SHA-256 digest in hex, so the file holds no secret. */
  key?: string;
  keySha256?: string;
  /** Allow-list and limits (policy files); absent for API_KEY / API_KEYS keys, which are never limited. */
  policy?: KeyPolicy;
}

/** Where the API keys come from. Exactly one source is configured (checked at boot). */
export type KeySource =
  | { kind: 'env'; keys: ApiKeyEntry[] }
  | { kind: 'secrets-manager'; secretId: string }
  | { kind: 'ssm'; parameterName: string }
  /** API_KEYS_FILE: a policy document (YAML or JSON), read again while running so edits need no restart. */
  | { kind: 'file'; path: string };

/** Per-key limits and model fallbacks, beyond authentication. */
export interface LimitsConfig {
  /** Shared counters for every replica; undefined: counted in this process only. */
  redisUrl?: string;
  /** What a limited request meets while Redis is unreachable: admitted (open) or a 503 (closed). */
  failMode: RateLimitFailMode;
  /** Completion tokens reserved for a request that names no max tokens (settled on the real usage). */
  reserveTokens: number;
  /** MODEL_FALLBACKS; the policy document's `fallbacks` win for the models it names. */
  fallbacks: FallbackMap;
  contextFallbacks: FallbackMap;
  /** The longest a request may take, retries and fallbacks included (a client's timeout hint can shorten it). */
  requestDeadlineMs: number;
  /** Global cap on model requests in flight, and how many may wait for a slot (and how long) beyond it. */
  maxInflight: number;
  maxQueued: number;
  queueTimeoutMs: number;
}

/** The validated, typed configuration every module reads. Built once at boot from the environment. */
export interface GatewayConfig {
  port: number;
  host: string;
  logLevel: LogLevelName;
  debug: boolean;
  region: string;
  keySource: KeySource;
  defaultModel: string;
  defaultEmbeddingModel: string;
  enableCrossRegionInference: boolean;
  enableApplicationInferenceProfiles: boolean;
  enablePromptCaching: boolean;
  /** Empty: CORS disabled. `['*']`: any origin. */
  allowedOrigins: string[];
  /** Base paths the OpenAI routes are served under: always `/v1`, plus API_ROUTE_PREFIX (default `/api/v1`). */
  routePrefixes: string[];
  defaultMaxTokens?: number;
  maxRequestBytes: number;
  upstreamTimeoutMs: number;
  streamIdleTimeoutMs: number;
  bedrockMaxAttempts: number;
  bedrockTransport: BedrockTransportName;
  bedrockMaxConnections: number;
  /** One structured log line per request (USAGE_LOG). */
  usageLog: boolean;
  /** The Prometheus listener; port 0: no metrics at all. */
  metrics: { port: number; host: string };
  /** OpenTelemetry tracing; when off the SDK is never loaded. */
  tracing: { enabled: boolean; captureContent: boolean; serviceName: string };
  shutdownGraceMs: number;
  /** Node HTTP server timeouts (slow clients), see the README's hardening section. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  /** Interval of SSE keep-alives while the upstream is silent; 0 disables them. */
  sseKeepAliveMs: number;
  /** Failed-authentication throttle per source address; `limit` 0 disables it. */
  authFailures: { limit: number; windowMs: number };
  /** Fastify's trustProxy: which proxies' X-Forwarded-For gives the client address. */
  trustProxy: boolean | number | string[];
  apiKeyRefreshMs: number;
  imageFetch: { enabled: boolean; timeoutMs: number; allowedHosts: string[] };
  modelCatalogRefreshMs: number;
  modelCatalogBootTimeoutMs: number;
  /** Patterns of the models that may be listed and called; undefined: every model. */
  allowedModels?: string[];
  /** Extra model names clients may use, each mapped to the model id it stands for. */
  modelAliases: Record<string, string>;
  /** Which Bedrock API serves chat for which models (MODEL_API), in order; no match: Converse. */
  modelApi: ModelApiRule[];
  /** ANTHROPIC_MODEL_MAP: Anthropic model names or tiers (`opus`, `sonnet`, `haiku`) → Bedrock model ids. */
  anthropicModelMap: Record<string, string>;
  embeddingConcurrency: number;
  embeddingTokenEncoding: TokenEncodingName;
  limits: LimitsConfig;
  /** Redis shared by the replicas (stored Responses; the limits keep their own connection to it). */
  redisUrl?: string;
  responses: {
    /** Seals reasoning in `encrypted_content`; undefined: a random key per process (see the README). */
    encryptionKey?: string;
    storeTtlMs: number;
    storeMaxEntries: number;
    storeMaxBytes: number;
  };
}

/** One MODEL_API rule: models matching `pattern` (`*` = anything) are served through `api`. */
export interface ModelApiRule {
  pattern: string;
  api: 'converse' | 'native';
  /** The family whose native API to speak, where the model id does not tell (imported models). */
  family?: string;
}

/** Injection token for {@link GatewayConfig}. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
