import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/** Parses the usual spellings of a boolean environment variable; anything else stays a string so validation names it. */
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
export const BEDROCK_TRANSPORTS = ['lean', 'sdk'] as const;
export type BedrockTransportName = (typeof BEDROCK_TRANSPORTS)[number];
/** OpenAI's tokenizers: cl100k_base (every OpenAI embedding model) and o200k_base (GPT-4o and later). */
export const TOKEN_ENCODINGS = ['cl100k_base', 'o200k_base'] as const;
export type TokenEncodingName = (typeof TOKEN_ENCODINGS)[number];
export const RATE_LIMIT_FAIL_MODES = ['open', 'closed'] as const;
export type RateLimitFailMode = (typeof RATE_LIMIT_FAIL_MODES)[number];
const FALLBACK_LIST = /^\s*[^\s,=|]+=[^\s,=|]+(\|[^\s,=|]+)*(\s*,\s*[^\s,=|]+=[^\s,=|]+(\|[^\s,=|]+)*)*\s*$/;

/**
 * The environment the gateway reads. Names follow AWS's Bedrock Access Gateway so an existing deployment's
 * settings carry over unchanged; the additions are documented in the README's configuration table.
 */
export class EnvironmentVariables {
  @IsOptional() @IsString() @MinLength(1) API_KEY?: string;
  /** Bedrock Access Gateway also reads its key from here. */
  @IsOptional() @IsString() @MinLength(1) OPENAI_API_KEY?: string;
  /** Several named keys, `team-a=key1,team-b=key2`: usage is then accounted per team. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[\w.-]+=\S+(\s*,\s*[\w.-]+=\S+)*\s*$/, {
    message: 'API_KEYS must be a comma-separated list of name=key pairs',
  })
  API_KEYS?: string;
  @IsOptional() @IsString() @MinLength(1) API_KEY_SECRET_ARN?: string;
  @IsOptional() @IsString() @MinLength(1) API_KEY_PARAM_NAME?: string;
  /** A policy document (YAML or JSON): keys (or their SHA-256), allowed models, limits, budgets, fallbacks. */
  @IsOptional() @IsString() @MinLength(1) API_KEYS_FILE?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'AWS_REGION must look like us-east-1' })
  AWS_REGION?: string;
  @IsOptional() @IsString() @MinLength(1) DEFAULT_MODEL?: string;
  @IsOptional() @IsString() @MinLength(1) DEFAULT_EMBEDDING_MODEL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean() ENABLE_CROSS_REGION_INFERENCE?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() ENABLE_APPLICATION_INFERENCE_PROFILES?: boolean;
  @IsOptional() @Transform(toBool) @IsBoolean() ENABLE_PROMPT_CACHING?: boolean;
  @IsOptional() @IsString() ALLOWED_ORIGINS?: string;
  /** Bedrock Access Gateway's base path; served in addition to `/v1`. */
  @IsOptional()
  @Matches(/^(\/[\w.-]+)+$/, { message: 'API_ROUTE_PREFIX must be a path such as /api/v1' })
  API_ROUTE_PREFIX?: string;
  /** max_tokens sent when a request gives none (unset: the model's own default). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) DEFAULT_MAX_TOKENS?: number;
  @IsOptional() @Transform(toBool) @IsBoolean() DEBUG?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsIn(LOG_LEVELS) LOG_LEVEL?: LogLevelName;

  /** Largest request body accepted, in bytes (images travel inline as base64). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) MAX_REQUEST_BYTES?: number;
  /** Give up on a Bedrock call that has produced nothing for this long (non-stream: the whole call). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) UPSTREAM_TIMEOUT_MS?: number;
  /** End a stream whose upstream has been silent for this long. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) STREAM_IDLE_TIMEOUT_MS?: number;
  /** Attempts per Bedrock call for retryable errors (throttling, 5xx), before the first byte only. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) BEDROCK_MAX_ATTEMPTS?: number;
  /** How the gateway talks to Bedrock's runtime: `lean` (SigV4 + pooled keep-alive HTTP) or `sdk` (the stock client). */
  @IsOptional() @IsIn(BEDROCK_TRANSPORTS) BEDROCK_TRANSPORT?: BedrockTransportName;
  /** Most connections open to Bedrock's runtime at once (each HTTP/1.1 call, stream or not, holds one). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000) BEDROCK_MAX_CONNECTIONS?: number;
  /** Fetch images given by http(s) URL (off: only data URLs are accepted). */
  @IsOptional() @Transform(toBool) @IsBoolean() IMAGE_FETCH_ENABLED?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) IMAGE_FETCH_TIMEOUT_MS?: number;
  /** Hosts, addresses or CIDR ranges images may be fetched from even though they are private or loopback. */
  @IsOptional() @IsString() IMAGE_FETCH_ALLOWED_HOSTS?: string;
  /** On SIGTERM, how long requests in flight (streams) may take to finish before their connections are closed. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) SHUTDOWN_GRACE_MS?: number;
  /** Time a client has to send a request's headers (against slowloris: headers dribbled in to hold a socket). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) HTTP_HEADERS_TIMEOUT_MS?: number;
  /** Time a client has to send a whole request, body included (a slow but steady upload needs room). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) HTTP_REQUEST_TIMEOUT_MS?: number;
  /** How long an idle keep-alive connection stays open; above load balancers' idle timeout (60 s on AWS). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) HTTP_KEEP_ALIVE_TIMEOUT_MS?: number;
  /** While a stream's upstream is silent, a keep-alive comment is sent this often, for proxies (0: never). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) SSE_KEEPALIVE_MS?: number;
  /** Failed authentications one source address may make per window before it gets 429s (0: no limit). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) AUTH_FAILURE_LIMIT?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) AUTH_FAILURE_WINDOW_MS?: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (throttling, logs): `true` (any), a hop
   * count, or addresses/CIDRs. Unset: the connection's own address.
   */
  @IsOptional() @IsString() TRUST_PROXY?: string;
  /** How often API keys held in Secrets Manager or SSM are read again (a rotated key takes effect then). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(500) API_KEY_REFRESH_MS?: number;
  /** Log one structured line per request (identity, model, status, durations, token usage). */
  @IsOptional() @Transform(toBool) @IsBoolean() USAGE_LOG?: boolean;
  /** Port of the separate Prometheus listener (`GET /metrics`, no API key); 0 turns metrics off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  /** Interface the metrics listener binds (default: HOST). */
  @IsOptional() @IsString() METRICS_HOST?: string;
  /** OpenTelemetry's own variables; tracing is on when either is set (and the exporter is not `none`). */
  @IsOptional() @IsString() OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @IsOptional() @IsString() OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  @IsOptional() @IsString() OTEL_TRACES_EXPORTER?: string;
  @IsOptional() @IsString() OTEL_SERVICE_NAME?: string;
  /** Record prompts and completions on spans (off: never; they are the clients' data). */
  @IsOptional() @Transform(toBool) @IsBoolean() OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT?: boolean;

  /** How often the model catalog is read again from Bedrock's control plane. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) MODEL_CATALOG_REFRESH_MS?: number;
  /** How long start-up waits for the first catalog load before serving without it (0: never waits). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) MODEL_CATALOG_BOOT_TIMEOUT_MS?: number;
  /** Models that may be listed and called: comma-separated ids, `*` matching any run of characters. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[^\s,]+(\s*,\s*[^\s,]+)*\s*$/, {
    message: 'ALLOWED_MODELS must be a comma-separated list of model ids (`*` as a wildcard)',
  })
  ALLOWED_MODELS?: string;
  /** Extra model names, `gpt-4o=us.anthropic.claude-…,text-embedding-3-small=amazon.titan-embed-text-v2:0`. */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[^\s,=]+=[^\s,=]+(\s*,\s*[^\s,=]+=[^\s,=]+)*\s*$/, {
    message: 'MODEL_ALIASES must be a comma-separated list of alias=model pairs',
  })
  MODEL_ALIASES?: string;
  /**
   * Which Bedrock API serves chat for which models, first match wins: `pattern=converse`, `pattern=native` or
   * `pattern=native:<family>` (`*` matches anything; the family is needed where Bedrock does not say it, as for
   * imported models). E.g. `meta.llama3*=native,*imported-model/*=native:llama`. Default: Converse.
   */
  @IsOptional()
  @IsString()
  @Matches(
    /^\s*[^\s,=]+=(converse|native(:[a-z0-9-]+)?)(\s*,\s*[^\s,=]+=(converse|native(:[a-z0-9-]+)?))*\s*$/,
    {
      message: 'MODEL_API must be a comma-separated list of pattern=converse|native|native:<family> rules',
    },
  )
  MODEL_API?: string;
  /**
   * Anthropic model names (`/v1/messages`) → Bedrock model ids: exact names (`claude-opus-4-1=…`) or a tier
   * (`opus=…`, `sonnet=…`, `haiku=…`) for names the built-in table does not know.
   */
  @IsOptional()
  @IsString()
  @Matches(/^\s*[^\s,=]+=[^\s,=]+(\s*,\s*[^\s,=]+=[^\s,=]+)*\s*$/, {
    message: 'ANTHROPIC_MODEL_MAP must be a comma-separated list of name=model pairs',
  })
  ANTHROPIC_MODEL_MAP?: string;
  /** Bedrock calls one embeddings request may have in flight (families that embed one text per call). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64) EMBEDDING_CONCURRENCY?: number;
  /** Tokenizer that turns token-array `input` back into text. */
  @IsOptional() @IsIn(TOKEN_ENCODINGS) EMBEDDING_TOKEN_ENCODING?: TokenEncodingName;

  /** Redis shared by every replica: per-key counters and stored Responses (`redis://…`, `rediss://…`). */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
  @IsOptional() @IsIn(RATE_LIMIT_FAIL_MODES) RATE_LIMIT_FAIL_MODE?: RateLimitFailMode;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_RESERVE_TOKENS?: number;
  /** `primary=fallback1|fallback2,other=fallback3`. */
  @IsOptional()
  @Matches(FALLBACK_LIST, {
    message: 'MODEL_FALLBACKS must look like primary=fallback1|fallback2,other=fallback3',
  })
  MODEL_FALLBACKS?: string;
  /** Same shape: models with larger context windows, tried when the prompt is too long. */
  @IsOptional()
  @Matches(FALLBACK_LIST, {
    message: 'MODEL_CONTEXT_FALLBACKS must look like primary=bigger1|bigger2,other=bigger3',
  })
  MODEL_CONTEXT_FALLBACKS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) REQUEST_DEADLINE_MS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) MAX_INFLIGHT_REQUESTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) MAX_QUEUED_REQUESTS?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) QUEUE_TIMEOUT_MS?: number;
  /** Secret that seals Responses reasoning (`encrypted_content`); the same on every replica. */
  @IsOptional() @IsString() @MinLength(32) RESPONSES_ENCRYPTION_KEY?: string;
  /** Stored Responses (`store: true`) are kept this long. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RESPONSES_STORE_TTL_SECONDS?: number;
  /** In-memory store bounds (without REDIS_URL): most responses, and most bytes of their JSON. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RESPONSES_STORE_MAX_ENTRIES?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) RESPONSES_STORE_MAX_BYTES?: number;
}
