import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ApiError } from './common/errors/api-error';
import { clientErrorHandler } from './common/http/client-error.handler';
import { errorReply } from './common/errors/error-reply';
import { installJsonBodyParser } from './common/http/json-body.parser';
import { requestIdFor } from './common/http/request-id';
import { installAsyncResourceBind } from './common/runtime/async-resource-bind';
import { createLogger } from './common/logging/logger.factory';
import { installRequestHooks } from './metrics/request-hooks';
import { RequestReporter } from './metrics/request-reporter';
import { GATEWAY_TRACING, GatewayTracing } from './tracing/gateway-tracing';
import type { GatewayConfig } from './config/gateway-config';

/** Every OpenAI route is registered under `/v1`; other base paths (API_ROUTE_PREFIX) are rewritten onto it. */
function rewriter(prefixes: string[]): (req: { url?: string }) => string {
  const aliases = prefixes.filter((p) => p !== '/v1').map((p) => p.replace(/\/$/, ''));
  return (req) => {
    const url = req.url ?? '/';
    for (const prefix of aliases) {
      if (
        url.startsWith(prefix) &&
        (url.length === prefix.length || url[prefix.length] === '/' || url[prefix.length] === '?')
      ) {
        return `/v1${url.slice(prefix.length)}`;
      }
    }
    return url;
  };
}

/** A CORS preflight names the origin and the method it asks about; a bare OPTIONS does not. */
function isPreflight(headers: Record<string, unknown>): boolean {
  return Boolean(headers.origin && headers['access-control-request-method']);
}

/** Builds the gateway application (not yet listening). Used by main.ts, the local start command and the tests. */
export async function createApp(
  config: GatewayConfig,
  logger: LoggerService = createLogger(config.logLevel),
): Promise<NestFastifyApplication> {
  // Node 20's AsyncResource#bind costs ~17 µs per call; Nest's interceptors and Fastify's body parser call it
  // on every request (src/common/runtime/async-resource-bind.ts).
  installAsyncResourceBind();
  const rewrite = rewriter(config.routePrefixes);
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxRequestBytes,
    genReqId: requestIdFor,
    // Behind a load balancer every connection comes from it: the client is in X-Forwarded-For (TRUST_PROXY).
    trustProxy: config.trustProxy,
    rewriteUrl: rewrite,
    // Longer than the 60 s idle timeout of AWS load balancers, so they never reuse a connection we closed.
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    // Time allowed to *receive* a request (headers and body), against slow-sending clients; it does not limit
    // how long a response may stream (that is UPSTREAM_TIMEOUT_MS / STREAM_IDLE_TIMEOUT_MS).
    requestTimeout: config.http.requestTimeoutMs,
    http: {
      // A slowloris client dribbles header bytes to hold sockets: it is cut after headersTimeout, while an
      // honest slow upload (headers at once, then a slow body) has requestTimeout.
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // Node enforces both timeouts on this tick (30 s by default, which would let them run late by as much).
      connectionsCheckingInterval: Math.max(100, Math.min(5_000, config.http.headersTimeoutMs / 4)),
    },
    // Requests Node's parser refuses (unknown methods, oversized headers, malformed framing) in our envelope.
    clientErrorHandler: clientErrorHandler(rewrite),
    // Fastify's own refusals before routing (a URL whose percent-encoding is broken) in our envelope too.
    frameworkErrors: (error: Error, req: unknown, reply: FastifyReply) => {
      const request = req as FastifyRequest;
      const refusal = new ApiError(400, `The request URL is malformed (${error.message}).`, {
        code: 'invalid_url',
      });
      const out = errorReply(
        refusal,
        { url: rewrite(request.raw), headers: request.headers },
        String(request.id),
      );
      void reply.status(out.status).type('application/json; charset=utf-8').send(out.body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger,
    bodyParser: false,
  });
  app.setGlobalPrefix('v1', { exclude: ['health', 'ready'] });
  const fastify = app.getHttpAdapter().getInstance();
  installJsonBodyParser(fastify);
  if (config.allowedOrigins.length > 0) {
    const origin = config.allowedOrigins.includes('*') ? true : config.allowedOrigins;
    // Per request, so an OPTIONS that is not a preflight is left to the hook below (@fastify/cors would answer
    // it with a plain-text 400 outside the envelope).
    app.enableCors(((request: { headers: Record<string, unknown> }, callback: (e: null, o: object) => void) =>
      callback(null, { origin, maxAge: 600, preflight: isPreflight(request.headers) })) as never);
  }
  // Orchestrators stop containers with SIGTERM (Ctrl-C sends SIGINT). Nest's default list also takes
  // SIGUSR2, SIGHUP and others, which diagnostics tools (profilers, heap snapshots) use.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // Request telemetry at the HTTP layer: x-request-id, openai-processing-ms, metrics, spans, the log line.
  installRequestHooks(
    app.getHttpAdapter().getInstance(),
    app.get(RequestReporter),
    app.get<symbol, GatewayTracing | null>(GATEWAY_TRACING),
  );
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'OPTIONS' && !(config.allowedOrigins.length > 0 && isPreflight(request.headers))) {
      done(
        new ApiError(
          400,
          'OPTIONS is answered only as a CORS preflight (Origin and Access-Control-Request-Method headers) on a gateway with ALLOWED_ORIGINS set.',
          {
            code: 'invalid_preflight',
          },
        ),
      );
      return;
    }
    done();
  });
  await app.init();
  return app;
}
