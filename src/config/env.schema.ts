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
  /** Log one structured line per completed request with its token usage. */
  @IsOptional() @Transform(toBool) @IsBoolean() USAGE_LOG?: boolean;

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
}
