/**
 * The contract between the emulator's protocol layer (transport, routing, framing, faults) and its
 * model-behaviour engine (validation, semantic rules, generation). The engine is pure and synchronous:
 * it never touches sockets or timers, so it can be tested as plain functions.
 */

export type RuntimeOperation =
  'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream' | 'CountTokens';

/** Names of Bedrock runtime exceptions as they appear in `x-amzn-ErrorType` (before the colon). */
export type BedrockErrorType =
  | 'ValidationException'
  | 'AccessDeniedException'
  | 'ResourceNotFoundException'
  | 'ThrottlingException'
  | 'ServiceQuotaExceededException'
  | 'ModelTimeoutException'
  | 'ModelErrorException'
  | 'ModelNotReadyException'
  | 'ModelStreamErrorException'
  | 'InternalServerException'
  | 'ServiceUnavailableException';

export interface BedrockErrorSpec {
  type: BedrockErrorType;
  status: number;
  message: string;
  /** Extra body members, e.g. originalStatusCode/resourceName for ModelErrorException. */
  extra?: Record<string, unknown>;
}

export interface RuntimeRequest {
  operation: RuntimeOperation;
  /** Path label, already percent-decoded. */
  modelId: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
}

/** One event-stream event: `:event-type` plus its bare JSON payload (padding is added by the encoder). */
export interface StreamEvent {
  eventType: string;
  payload: Record<string, unknown>;
}

export type EngineResult =
  | { kind: 'error'; error: BedrockErrorSpec }
  /** Converse and CountTokens: a JSON body. */
  | { kind: 'json'; body: unknown }
  /** InvokeModel: raw model-native bytes plus response headers (content-type, token-count headers). */
  | { kind: 'raw'; body: Buffer; headers: Record<string, string> }
  /** ConverseStream and InvokeModelWithResponseStream: the ordered events (metadata last for Converse). */
  | { kind: 'events'; events: StreamEvent[]; headers: Record<string, string> };

/**
 * Mutable state the engine may read and update across requests: the prompt-cache prefixes seen so far
 * (for cacheRead/cacheWrite accounting). Owned by one emulator instance.
 */
export interface EngineState {
  cachePrefixes: Map<string, number>;
}

export interface EngineOptions {
  /** When set, replies are padded/trimmed to exactly this many words (bench: 20-delta answers). */
  replyWords?: number;
}
