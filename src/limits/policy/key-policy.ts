/** A key's limits. Every field is optional: a key without any is only authenticated, never limited. */
export interface KeyLimits {
  /** Requests admitted per minute (sliding window). */
  rpm?: number;
  /** Tokens (prompt + completion) per minute (sliding window; reserved up front, settled on the real usage). */
  tpm?: number;
  /** Requests of this key in flight at once. */
  maxConcurrent?: number;
  /** Tokens per calendar day or month (UTC). */
  budget?: { tokens: number; period: 'day' | 'month' };
}

/** One key of the policy: who it is, what it may call, how much. */
export interface KeyPolicy extends KeyLimits {
  /** Identity in usage lines, metrics and logs (the team). */
  name: string;
  /** Model patterns the key may call (`*` matches any run of characters); undefined: every model. */
  models?: string[];
}

/** Fallback chains: the model as a client names it → the models to try next, in order. */
export type FallbackMap = Record<string, string[]>;

/** What a policy document (API_KEYS_FILE, or the same content in Secrets Manager / SSM) holds. */
export interface PolicyDocument {
  keys: { policy: KeyPolicy; key?: string; keySha256?: string }[];
  fallbacks: FallbackMap;
  /** Tried instead of `fallbacks` when the prompt is too long for the model: models with larger windows. */
  contextFallbacks: FallbackMap;
}

/** True when the key has at least one limit the limiter must count. */
export const hasLimits = (p: KeyLimits): boolean =>
  p.rpm !== undefined || p.tpm !== undefined || p.maxConcurrent !== undefined || p.budget !== undefined;
