import type { IncomingHttpHeaders } from 'node:http';

/** An open server span (one per request); opaque outside the tracing implementation. */
export interface ServerSpan {
  readonly kind: 'server';
}

/** What a Bedrock call reports when it ends. */
export interface ClientCallResult {
  /** The call ran to its end (a response, a stream's last event); an abort after that is no failure. */
  finished?: boolean;
  error?: unknown;
  /** Bedrock's error type, when the call failed. */
  errorType?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  finishReason?: string;
  /** The completion text, only when the operator opted in to content capture. */
  output?: string;
}

export interface ClientSpan {
  end(result: ClientCallResult): void;
}

export interface ClientCallStart {
  /** `gen_ai.operation.name`: chat, embeddings, text_completion. */
  operation: string;
  /** The Bedrock operation (Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream). */
  bedrockOperation: string;
  modelId: string;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  /** The request itself, read for content only when the operator opted in. */
  input?: unknown;
}

/** What a request's server span ends with. */
export interface ServerSpanEnd {
  status: number;
  route: string;
  keyName?: string;
  errorType?: string;
  clientGone: boolean;
}

/**
 * OpenTelemetry tracing as the gateway uses it: a server span per request (continuing the caller's
 * `traceparent`) and a GenAI client span per Bedrock call, its child. Implemented in `otel-tracing.ts`, which
 * is loaded only when tracing is configured, so the SDK costs nothing when it is off.
 */
export interface GatewayTracing {
  startServer(method: string, route: string, url: string, headers: IncomingHttpHeaders): ServerSpan;
  endServer(span: ServerSpan, end: ServerSpanEnd): void;
  startClient(parent: ServerSpan | undefined, call: ClientCallStart): ClientSpan;
  shutdown(): Promise<void>;
}

/** Injection token: a {@link GatewayTracing}, or null when tracing is off. */
export const GATEWAY_TRACING = Symbol('GATEWAY_TRACING');
