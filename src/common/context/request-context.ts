import type { FastifyReply, FastifyRequest } from 'fastify';
import { bindSignal } from '../../metrics/request-telemetry';

/** What one request carries through the layers: identity for usage accounting and the client's liveness. */
export interface RequestContext {
  requestId: string;
  /** Name of the API key that authenticated the request. */
  keyName: string;
  /** Aborts when the client goes away before the response is complete. */
  signal: AbortSignal;
  startedAt: number;
  /** The Bedrock modelId actually called (set once the model is resolved). */
  modelId?: string;
  /** The model that answered, as configured, when a fallback served instead of the one asked for. */
  servedModel?: string;
  /** Models tried before the one that answered (0: the first one did). */
  fallbacks?: number;
  /** Model patterns the key may call (its policy's allow-list); undefined: any. */
  allowedModels?: string[];
  /**
   * When the client stops waiting, in `performance.now()` time: retries and fallbacks end before it. From the
   * client's `x-stainless-timeout` / `request-timeout` hint (seconds); undefined: the gateway's own deadline.
   */
  clientDeadline?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    gateway?: RequestContext;
  }
}

/** Thrown as the abort reason when the client disconnects. */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
  constructor() {
    super('The client closed the connection before the response was complete.');
  }
}

/**
 * Builds the request's context, with a signal that fires when the client hangs up mid-response (the response
 * closes before it finished), so upstream Bedrock calls stop instead of running for nobody.
 */
export function contextFor(request: FastifyRequest, reply: FastifyReply): RequestContext {
  const controller = new AbortController();
  const res = reply.raw;
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  const startedAt = performance.now();
  const hint = timeoutHintMs(request);
  const ctx: RequestContext = {
    requestId: String(request.id),
    keyName: request.apiKeyName ?? 'anonymous',
    signal: controller.signal,
    startedAt,
    allowedModels: request.keyPolicy?.models,
    clientDeadline: hint === undefined ? undefined : startedAt + hint,
  };
  request.gateway = ctx;
  // Bedrock calls take only a signal; through it they find the request they serve (time in Bedrock, spans).
  bindSignal(controller.signal, request.telemetry);
  return ctx;
}

/**
 * How long the client says it waits, in ms: the official OpenAI and Anthropic SDKs send their timeout as
 * `x-stainless-timeout` (seconds); `request-timeout` (seconds) is accepted from other clients.
 */
function timeoutHintMs(request: FastifyRequest): number | undefined {
  const raw = request.headers['x-stainless-timeout'] ?? request.headers['request-timeout'];
  const seconds = typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
