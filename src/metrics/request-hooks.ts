import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { GatewayTracing } from '../tracing/gateway-tracing';
import { RequestTelemetry, TelemetrySink } from './request-telemetry';
import { routeInfo } from './route-info';

const TELEMETRY = Symbol('telemetry');
type TrackedResponse = ServerResponse & { [TELEMETRY]?: RequestTelemetry };

/** One listener shared by every response (`this` is the response): no closure per request. */
function onResponseClose(this: TrackedResponse): void {
  const t = this[TELEMETRY];
  if (!t) return;
  this[TELEMETRY] = undefined;
  t.closed(performance.now(), this.writableFinished);
}

/** The error envelope's `code` (else `type`): OpenAI's `{"error":{…}}`, Anthropic's `{"type":"error","error":{…}}`. */
function envelopeErrorType(payload: string): string | undefined {
  try {
    const error = (JSON.parse(payload) as { error?: { code?: unknown; type?: unknown } }).error;
    const value = error?.code ?? error?.type;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per-request telemetry at the HTTP layer, whatever the route or dialect: a {@link RequestTelemetry} created
 * as the request arrives (and a server span when tracing is on), `x-request-id` and `openai-processing-ms`
 * on the response, and the report once the response has closed.
 */
export function installRequestHooks(
  fastify: FastifyInstance,
  sink: TelemetrySink,
  tracing: GatewayTracing | null,
): void {
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const route = routeInfo(request.routeOptions.url);
    const t = new RequestTelemetry(sink, request, reply, route, performance.now());
    request.telemetry = t;
    if (tracing) t.span = tracing.startServer(request.method, route.route, request.url, request.headers);
    const res = reply.raw as TrackedResponse;
    res[TELEMETRY] = t;
    res.on('close', onResponseClose);
    void reply.header('x-request-id', request.id);
    done();
  });

  fastify.addHook(
    'onSend',
    (
      request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (err: null, payload: unknown) => void,
    ) => {
      const t = request.telemetry;
      if (t) {
        // The gateway's own time so far: everything since arrival except the time Bedrock calls were in flight.
        const now = performance.now();
        void reply.header('openai-processing-ms', String(Math.round(now - t.startedAt - t.bedrockMsAt(now))));
        if (reply.statusCode >= 400 && typeof payload === 'string')
          t.errorType ??= envelopeErrorType(payload);
      }
      done(null, payload);
    },
  );
}
