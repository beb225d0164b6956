import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LabelChildren } from './label-children';
import { routeInfo, RouteInfo } from './route-info';

/** OpenTelemetry's `gen_ai.provider.name` for Amazon Bedrock. */
export const GEN_AI_PROVIDER = 'aws.bedrock';

/** Bucket boundaries the GenAI semantic conventions recommend for each instrument. */
const BUCKETS = {
  operationDuration: [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92],
  tokenUsage: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864],
  timeToFirstToken: [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
  timePerOutputToken: [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5],
  // The gateway's own: a whole request (streams last minutes) and the gateway's share of it (milliseconds).
  request: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  overhead: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
};

/** Token counts of one request, as the usage record holds them. */
export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens?: number;
}

type Inc = { inc(value?: number): void };
type Observe = { observe(value: number): void };

/**
 * Every Prometheus metric the gateway exports, on its own registry (one per application, so tests can run
 * several in one process). Names follow OpenTelemetry's GenAI semantic conventions in their Prometheus form
 * where one exists (`gen_ai_client_token_usage`, `gen_ai_server_time_to_first_token_seconds`, …) and carry
 * the `bedrock_gateway_` prefix otherwise. Every label value is bounded by the caller: routes are the
 * registered patterns, models pass through ModelLabels, keys are key names, exceptions a known set.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  // Keyed by route, status class, model, key: the dialect follows from the route.
  private readonly requests = new LabelChildren<Inc>((v) =>
    this.requestsTotal.labels(v[0], routeInfo(v[0]).dialect, v[1], v[2], v[3]),
  );
  private readonly requestsTotal = new Counter({
    name: 'bedrock_gateway_requests_total',
    help: 'Requests answered, by route, client dialect, status class, model asked (known name or "other") and API key name.',
    labelNames: ['route', 'dialect', 'status_class', 'model', 'key'] as const,
    registers: [this.registry],
  });
  private readonly durations = new LabelChildren<Observe>((v) =>
    this.requestDuration.labels(v[0], v[1], v[2]),
  );
  private readonly requestDuration = new Histogram({
    name: 'bedrock_gateway_request_duration_seconds',
    help: 'Time from a request’s arrival to the end of its response (a stream’s last byte).',
    labelNames: ['route', 'dialect', 'status_class'] as const,
    buckets: BUCKETS.request,
    registers: [this.registry],
  });
  private readonly overheads = new LabelChildren<Observe>((v) => this.overheadSeconds.labels(v[0], v[1]));
  private readonly overheadSeconds = new Histogram({
    name: 'bedrock_gateway_overhead_seconds',
    help: 'The gateway’s own share of a request that called Bedrock: its duration minus the time Bedrock calls were in flight.',
    labelNames: ['route', 'dialect'] as const,
    buckets: BUCKETS.overhead,
    registers: [this.registry],
  });
  private readonly rejections = new LabelChildren<Inc>((v) => this.rejectedTotal.labels(v[0], v[1]));
  private readonly rejectedTotal = new Counter({
    name: 'bedrock_gateway_rejected_requests_total',
    help: 'Requests refused before any Bedrock call, by reason: auth (401), validation (other 4xx), rate_limit (429).',
    labelNames: ['route', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly disconnects = new LabelChildren<Inc>((v) => this.disconnectsTotal.labels(v[0], v[1]));
  private readonly disconnectsTotal = new Counter({
    name: 'bedrock_gateway_client_disconnects_total',
    help: 'Responses the client walked away from before their end (the Bedrock call is aborted).',
    labelNames: ['route', 'dialect'] as const,
    registers: [this.registry],
  });
  private readonly openStreams = new Gauge({
    name: 'bedrock_gateway_open_streams',
    help: 'Server-sent-event responses being written right now.',
    registers: [this.registry],
  });
  private readonly tokenCounters = new LabelChildren<Inc>((v) => this.tokensTotal.labels(v[0], v[1], v[2]));
  private readonly tokensTotal = new Counter({
    name: 'bedrock_gateway_tokens_total',
    help: 'Tokens by API key name, model asked and type (input, output, cache_read, cache_write, reasoning).',
    labelNames: ['key', 'model', 'token_type'] as const,
    registers: [this.registry],
  });
  private readonly tokenUsages = new LabelChildren<Observe>((v) =>
    this.tokenUsage.labels(v[0], GEN_AI_PROVIDER, v[1], v[2]),
  );
  private readonly tokenUsage = new Histogram({
    name: 'gen_ai_client_token_usage',
    help: 'Number of input and output tokens used per request (OpenTelemetry gen_ai.client.token.usage).',
    labelNames: [
      'gen_ai_operation_name',
      'gen_ai_provider_name',
      'gen_ai_request_model',
      'gen_ai_token_type',
    ] as const,
    buckets: BUCKETS.tokenUsage,
    registers: [this.registry],
  });
  private readonly operations = new LabelChildren<Observe>((v) =>
    this.operationDuration.labels(v[0], GEN_AI_PROVIDER, v[1], v[2]),
  );
  private readonly operationDuration = new Histogram({
    name: 'gen_ai_client_operation_duration_seconds',
    help: 'Duration of each Bedrock call, to the end of its stream (OpenTelemetry gen_ai.client.operation.duration).',
    labelNames: [
      'gen_ai_operation_name',
      'gen_ai_provider_name',
      'gen_ai_request_model',
      'error_type',
    ] as const,
    buckets: BUCKETS.operationDuration,
    registers: [this.registry],
  });
  private readonly firstTokens = new LabelChildren<Observe>((v) =>
    this.ttftHistogram.labels(v[0], GEN_AI_PROVIDER, v[1]),
  );
  private readonly ttftHistogram = new Histogram({
    name: 'gen_ai_server_time_to_first_token_seconds',
    help: 'Time from a streamed request’s arrival to its first event written (OpenTelemetry gen_ai.server.time_to_first_token).',
    labelNames: ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model'] as const,
    buckets: BUCKETS.timeToFirstToken,
    registers: [this.registry],
  });
  private readonly perTokens = new LabelChildren<Observe>((v) =>
    this.tpotHistogram.labels(v[0], GEN_AI_PROVIDER, v[1]),
  );
  private readonly tpotHistogram = new Histogram({
    name: 'gen_ai_server_time_per_output_token_seconds',
    help: 'Time per output token after the first, for streams that succeeded (OpenTelemetry gen_ai.server.time_per_output_token).',
    labelNames: ['gen_ai_operation_name', 'gen_ai_provider_name', 'gen_ai_request_model'] as const,
    buckets: BUCKETS.timePerOutputToken,
    registers: [this.registry],
  });
  private readonly calls = new LabelChildren<Inc>((v) => this.bedrockCalls.labels(v[0], v[1]));
  private readonly bedrockCalls = new Counter({
    name: 'bedrock_gateway_bedrock_calls_total',
    help: 'Bedrock runtime calls by operation and outcome (success, client_error, throttled, server_error, network_error, aborted).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly exceptions = new LabelChildren<Inc>((v) => this.bedrockExceptions.labels(v[0], v[1]));
  private readonly bedrockExceptions = new Counter({
    name: 'bedrock_gateway_bedrock_exceptions_total',
    help: 'Failed Bedrock calls by operation and exception name (a known AWS/network name, else "other").',
    labelNames: ['operation', 'exception'] as const,
    registers: [this.registry],
  });
  private readonly retries = new LabelChildren<Inc>((v) => this.bedrockRetries.labels(v[0]));
  private readonly bedrockRetries = new Counter({
    name: 'bedrock_gateway_bedrock_retries_total',
    help: 'Bedrock attempts beyond the first (throttling, 5xx, connections lost), by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  request(route: RouteInfo, statusClass: string, model: string, key: string, seconds: number): void {
    this.requests.get(route.route, statusClass, model, key).inc();
    this.durations.get(route.route, route.dialect, statusClass).observe(seconds);
  }

  overhead(route: RouteInfo, seconds: number): void {
    this.overheads.get(route.route, route.dialect).observe(seconds);
  }

  rejected(route: RouteInfo, reason: string): void {
    this.rejections.get(route.route, reason).inc();
  }

  clientDisconnected(route: RouteInfo): void {
    this.disconnects.get(route.route, route.dialect).inc();
  }

  streamOpened(): void {
    this.openStreams.inc();
  }

  streamClosed(): void {
    this.openStreams.dec();
  }

  tokens(operation: string, model: string, key: string, t: TokenCounts): void {
    this.tokenCounters.get(key, model, 'input').inc(t.promptTokens);
    this.tokenCounters.get(key, model, 'output').inc(t.completionTokens);
    this.tokenCounters.get(key, model, 'cache_read').inc(t.cachedTokens);
    this.tokenCounters.get(key, model, 'cache_write').inc(t.cacheWriteTokens);
    this.tokenCounters.get(key, model, 'reasoning').inc(t.reasoningTokens ?? 0);
    this.tokenUsages.get(operation, model, 'input').observe(t.promptTokens);
    this.tokenUsages.get(operation, model, 'output').observe(t.completionTokens);
  }

  timeToFirstToken(operation: string, model: string, seconds: number): void {
    this.firstTokens.get(operation, model).observe(seconds);
  }

  timePerOutputToken(operation: string, model: string, seconds: number): void {
    this.perTokens.get(operation, model).observe(seconds);
  }

  /** One Bedrock call ended; `exception` is '' on success. */
  bedrockCall(
    bedrockOperation: string,
    genAiOperation: string,
    model: string,
    outcome: string,
    exception: string,
    seconds: number,
  ): void {
    this.calls.get(bedrockOperation, outcome).inc();
    if (exception !== '') this.exceptions.get(bedrockOperation, exception).inc();
    this.operations.get(genAiOperation, model, exception).observe(seconds);
  }

  bedrockRetry(operation: string): void {
    this.retries.get(operation).inc();
  }

  /** A gauge read at scrape time (catalog age, model count). */
  sampledGauge(name: string, help: string, read: () => number | undefined): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect(this: Gauge) {
        const value = read();
        if (value === undefined) this.reset();
        else this.set(value);
      },
    });
  }

  /** A counter kept elsewhere (a plain number) and read at scrape time (key-source refresh failures). */
  sampledCounter(name: string, help: string, labelName: string, read: () => [string, number][]): void {
    new Counter({
      name,
      help,
      labelNames: [labelName],
      registers: [this.registry],
      collect(this: Counter) {
        this.reset();
        for (const [label, value] of read()) this.inc({ [labelName]: label }, value);
      },
    });
  }

  metricsText(): Promise<string> {
    return this.registry.metrics();
  }
}
