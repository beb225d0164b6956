import type { BedrockTransportName, LogLevelName, TokenEncodingName } from './env.schema';

export interface ApiKeyEntry {
  /** Who the key belongs to; appears in usage records and logs instead of the key. */
  name: string;
  key: string;
}

/** Where the API keys come from. Exactly one source is configured (checked at boot). */
export type KeySource =
  | { kind: 'env'; keys: ApiKeyEntry[] }
  | { kind: 'secrets-manager'; secretId: string }
  | { kind: 'ssm'; parameterName: string };

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
  usageLog: boolean;
  shutdownGraceMs: number;
  imageFetch: { enabled: boolean; timeoutMs: number; allowedHosts: string[] };
  modelCatalogRefreshMs: number;
  modelCatalogBootTimeoutMs: number;
  /** Patterns of the models that may be listed and called; undefined: every model. */
  allowedModels?: string[];
  /** Extra model names clients may use, each mapped to the model id it stands for. */
  modelAliases: Record<string, string>;
  /** ANTHROPIC_MODEL_MAP: Anthropic model names or tiers (`opus`, `sonnet`, `haiku`) → Bedrock model ids. */
  anthropicModelMap: Record<string, string>;
  embeddingConcurrency: number;
  embeddingTokenEncoding: TokenEncodingName;
}

/** Injection token for {@link GatewayConfig}. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
