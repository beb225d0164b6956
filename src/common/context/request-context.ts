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
  const ctx: RequestContext = {
    requestId: String(request.id),
    keyName: request.apiKeyName ?? 'anonymous',
    signal: controller.signal,
    startedAt: performance.now(),
  };
  request.gateway = ctx;
  // Bedrock calls take only a signal; through it they find the request they serve (time in Bedrock, spans).
  bindSignal(controller.signal, request.telemetry);
  return ctx;
}
