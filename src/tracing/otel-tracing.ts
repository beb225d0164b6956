import {
  Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  Tracer,
} from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  ClientCallResult,
  ClientCallStart,
  ClientSpan,
  GatewayTracing,
  ServerSpan,
  ServerSpanEnd,
} from './gateway-tracing';

/** Attribute names of OpenTelemetry's GenAI, HTTP and RPC semantic conventions used here. */
const ATTR = {
  operation: 'gen_ai.operation.name',
  provider: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  maxTokens: 'gen_ai.request.max_tokens',
  temperature: 'gen_ai.request.temperature',
  topP: 'gen_ai.request.top_p',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  cacheRead: 'gen_ai.usage.cache_read.input_tokens',
  cacheCreation: 'gen_ai.usage.cache_creation.input_tokens',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  errorType: 'error.type',
} as const;

class OtelServerSpan implements ServerSpan {
  readonly kind = 'server';
  constructor(readonly span: Span) {}
}

class OtelClientSpan implements ClientSpan {
  constructor(private readonly span: Span) {}

  end(result: ClientCallResult): void {
    const span = this.span;
    if (result.inputTokens !== undefined) span.setAttribute(ATTR.inputTokens, result.inputTokens);
    if (result.outputTokens !== undefined) span.setAttribute(ATTR.outputTokens, result.outputTokens);
    if (result.cacheReadTokens) span.setAttribute(ATTR.cacheRead, result.cacheReadTokens);
    if (result.cacheWriteTokens) span.setAttribute(ATTR.cacheCreation, result.cacheWriteTokens);
    if (result.finishReason !== undefined) span.setAttribute(ATTR.finishReasons, [result.finishReason]);
    if (result.output !== undefined) span.setAttribute(ATTR.outputMessages, result.output);
    if (result.error !== undefined) {
      span.setAttribute(ATTR.errorType, result.errorType ?? 'other');
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: result.error instanceof Error ? result.error.message : undefined,
      });
    }
    span.end();
  }
}

/** The path without its query string (a query may carry anything a client wrote). */
const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/**
 * Tracing with the OpenTelemetry Node SDK, configured by its own environment variables (exporter, endpoint,
 * protocol, headers, sampler, resource). Only traces: the gateway's metrics are Prometheus's, so the SDK's
 * metric and log exporters are not started. No auto-instrumentation: the two kinds of span the gateway needs
 * are made here, with explicit parents, so no request depends on context propagation through promises.
 */
export class OtelTracing implements GatewayTracing {
  private constructor(
    private readonly sdk: NodeSDK,
    private readonly tracer: Tracer,
  ) {}

  static start(serviceName: string): OtelTracing {
    const sdk = new NodeSDK({
      serviceName,
      instrumentations: [],
      metricReaders: [],
      logRecordProcessors: [],
    });
    sdk.start();
    return new OtelTracing(sdk, trace.getTracer('bedrock-gateway'));
  }

  startServer(method: string, route: string, url: string, headers: IncomingHttpHeaders): ServerSpan {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    const attributes: Attributes = { 'http.request.method': method, 'url.path': pathOf(url) };
    if (route !== 'unmatched') attributes['http.route'] = route;
    const span = this.tracer.startSpan(
      route === 'unmatched' ? method : `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes },
      parent,
    );
    return new OtelServerSpan(span);
  }

  endServer(server: ServerSpan, end: ServerSpanEnd): void {
    const span = (server as OtelServerSpan).span;
    span.setAttribute('http.response.status_code', end.status);
    if (end.keyName !== undefined) span.setAttribute('bedrock_gateway.api_key.name', end.keyName);
    if (end.errorType !== undefined && (end.status >= 400 || end.clientGone)) {
      span.setAttribute(ATTR.errorType, end.errorType);
    }
    // HTTP server spans are errors for 5xx only; a 4xx is the client's mistake, not the server's failure.
    if (end.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }

  startClient(parent: ServerSpan | undefined, call: ClientCallStart): ClientSpan {
    const ctx = parent ? trace.setSpan(ROOT_CONTEXT, (parent as OtelServerSpan).span) : context.active();
    const attributes: Attributes = {
      [ATTR.operation]: call.operation,
      [ATTR.provider]: 'aws.bedrock',
      [ATTR.requestModel]: call.modelId,
      'rpc.system': 'aws-api',
      'rpc.service': 'BedrockRuntime',
      'rpc.method': call.bedrockOperation,
    };
    if (call.maxTokens !== undefined) attributes[ATTR.maxTokens] = call.maxTokens;
    if (call.temperature !== undefined) attributes[ATTR.temperature] = call.temperature;
    if (call.topP !== undefined) attributes[ATTR.topP] = call.topP;
    if (call.input !== undefined) attributes[ATTR.inputMessages] = JSON.stringify(call.input);
    const span = this.tracer.startSpan(
      `${call.operation} ${call.modelId}`,
      { kind: SpanKind.CLIENT, attributes },
      ctx,
    );
    return new OtelClientSpan(span);
  }

  shutdown(): Promise<void> {
    return this.sdk.shutdown();
  }
}
