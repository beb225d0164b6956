import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { GATEWAY_TRACING, GatewayTracing } from '../tracing/gateway-tracing';
import { GatewayMetrics } from './gateway-metrics';
import { ModelLabels } from './model-labels';
import type { RequestTelemetry, TelemetrySink } from './request-telemetry';

/** Probes are requests too (they are counted), but a line per kubelet probe would drown the log. */
const UNLOGGED_ROUTES = new Set(['/health', '/ready']);
/** Model names are the client's text; the log keeps enough to recognise one. */
const MAX_MODEL_CHARS = 200;
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];

const ms = (value: number): number => Math.round(value * 10) / 10;

function statusClass(status: number): string {
  return STATUS_CLASSES[Math.floor(status / 100) - 1] ?? 'other';
}

/** Why a request was refused before any Bedrock call. */
function rejection(status: number): string {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 404) return 'not_found';
  return 'validation';
}

function modelAsked(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const model = (body as { model?: unknown }).model;
  return typeof model === 'string' ? model : undefined;
}

/**
 * Reports each request once it is complete (response closed and, for a stream, its usage settled): the
 * Prometheus metrics, the end of its server span, and the one structured log line per request (USAGE_LOG).
 * The log line holds identities, models, status, durations and token counts; never a key, a prompt or a
 * completion.
 */
@Injectable()
export class RequestReporter implements TelemetrySink {
  private readonly logger = new Logger('Request');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GatewayMetrics) private readonly metrics: GatewayMetrics | null,
    @Inject(GATEWAY_TRACING) private readonly tracing: GatewayTracing | null,
    private readonly labels: ModelLabels,
  ) {}

  streamOpened(): void {
    this.metrics?.streamOpened();
  }

  streamClosed(): void {
    this.metrics?.streamClosed();
  }

  complete(t: RequestTelemetry): void {
    const status = t.reply.statusCode;
    const route = t.route;
    const durationMs = t.closedAt - t.startedAt;
    const keyName = t.request.apiKeyName;
    const asked = modelAsked(t.request.body);
    const usage = t.usage;
    const errorType = t.bedrockError ?? t.errorType ?? (t.completed ? undefined : 'client_gone');
    const overheadMs = t.bedrockCalls > 0 ? Math.max(0, durationMs - t.bedrockMs) : undefined;
    const metrics = this.metrics;
    if (metrics) {
      const model = asked === undefined ? 'none' : this.labels.of(asked);
      const key = keyName ?? 'none';
      const operation = route.operation || 'chat';
      metrics.request(route, statusClass(status), model, key, durationMs / 1000);
      if (overheadMs !== undefined) metrics.overhead(route, overheadMs / 1000);
      if (!t.completed) metrics.clientDisconnected(route);
      if (status >= 400 && status < 500 && t.bedrockCalls === 0) metrics.rejected(route, rejection(status));
      if (usage) metrics.tokens(operation, model, key, usage);
      if (t.firstEventAt > 0) {
        metrics.timeToFirstToken(operation, model, (t.firstEventAt - t.startedAt) / 1000);
        const later = usage ? usage.completionTokens - 1 : 0;
        if (usage?.outcome === 'ok' && later > 0 && t.streamEndedAt > t.firstEventAt) {
          metrics.timePerOutputToken(operation, model, (t.streamEndedAt - t.firstEventAt) / 1000 / later);
        }
      }
    }
    if (t.span) {
      this.tracing?.endServer(t.span, {
        status,
        route: route.route,
        keyName,
        errorType,
        clientGone: !t.completed,
      });
    }
    if (!this.config.usageLog || (status < 400 && UNLOGGED_ROUTES.has(route.route))) return;
    this.logger.log({
      msg: 'request',
      requestId: String(t.request.id),
      key: keyName,
      method: t.request.method,
      route: route.route,
      dialect: route.dialect,
      model: asked === undefined ? undefined : asked.slice(0, MAX_MODEL_CHARS),
      modelId: t.modelCalled,
      endpoint: usage?.endpoint,
      // Set when a fallback answered: the model that served, and how many models were tried before it.
      servedModel: usage?.servedModel,
      fallbacks: usage?.fallbacks,
      stream: t.firstEventAt > 0 || usage?.stream === true,
      status,
      outcome: !t.completed ? 'client_gone' : status >= 400 || usage?.outcome === 'error' ? 'error' : 'ok',
      errorType,
      durationMs: ms(durationMs),
      bedrockMs: t.bedrockCalls > 0 ? ms(t.bedrockMs) : undefined,
      overheadMs: overheadMs === undefined ? undefined : ms(overheadMs),
      ttftMs: t.firstEventAt > 0 ? ms(t.firstEventAt - t.startedAt) : undefined,
      bedrockCalls: t.bedrockCalls,
      promptTokens: usage?.promptTokens,
      completionTokens: usage?.completionTokens,
      cachedTokens: usage?.cachedTokens,
      cacheWriteTokens: usage?.cacheWriteTokens,
      reasoningTokens: usage?.reasoningTokens,
    });
  }
}
