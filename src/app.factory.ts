import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
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

/** Builds the gateway application (not yet listening). Used by main.ts, the local start command and the tests. */
export async function createApp(
  config: GatewayConfig,
  logger: LoggerService = createLogger(config.logLevel),
): Promise<NestFastifyApplication> {
  // Node 20's AsyncResource#bind costs ~17 µs per call; Nest's interceptors and Fastify's body parser call it
  // on every request (src/common/runtime/async-resource-bind.ts).
  installAsyncResourceBind();
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxRequestBytes,
    genReqId: requestIdFor,
    rewriteUrl: rewriter(config.routePrefixes),
    // Longer than the 60 s idle timeout of AWS load balancers, so they never reuse a connection we closed.
    keepAliveTimeout: 65_000,
    // Time allowed to *receive* a request (headers and body), against slow-sending clients; it does not limit
    // how long a response may stream (that is UPSTREAM_TIMEOUT_MS / STREAM_IDLE_TIMEOUT_MS).
    requestTimeout: 60_000,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger,
    bodyParser: false,
  });
  app.setGlobalPrefix('v1', { exclude: ['health', 'ready'] });
  if (config.allowedOrigins.length > 0) {
    app.enableCors({
      origin: config.allowedOrigins.includes('*') ? true : config.allowedOrigins,
      maxAge: 600,
    });
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
  await app.init();
  return app;
}
