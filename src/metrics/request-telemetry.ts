import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerSpan } from '../tracing/gateway-tracing';
import type { UsageRecord } from '../usage/usage-record';
import type { RouteInfo } from './route-info';

/** Where a request's telemetry goes when it is complete, and the live gauges it touches on the way. */
export interface TelemetrySink {
  complete(t: RequestTelemetry): void;
  streamOpened(): void;
  streamClosed(): void;
}

/**
 * What one request accumulates for its metrics, its log line and its span, whatever layer it passes through:
 * created by the request hooks when the request arrives, filled in by the Bedrock client decorator (time in
 * Bedrock, model called, exception), the usage tracker (tokens) and the SSE writer (first event, stream end),
 * read once when the response closes.
 */
export class RequestTelemetry {
  /** Time spent with at least one Bedrock call in flight, ms (calls overlapping in time count once). */
  bedrockMs = 0;
  bedrockCalls = 0;
  private inFlight = 0;
  private busySince = 0;
  /** The Bedrock modelId of the last call. */
  modelCalled: string | undefined = undefined;
  /** Name of the exception the last failed Bedrock call threw. */
  bedrockError: string | undefined = undefined;
  /** An error type for the log: the Bedrock exception, or the error envelope's code/type. */
  errorType: string | undefined = undefined;
  /** performance.now() of the first SSE event written, of the stream's end; 0 until then. */
  firstEventAt = 0;
  streamEndedAt = 0;
  usage: UsageRecord | undefined = undefined;
  span: ServerSpan | undefined = undefined;

  /** performance.now() when the response closed (finished, or the client left). */
  closedAt = 0;
  /** The response was written to its end (false: the client went away first). */
  completed = false;
  /** What must still happen before the request is reported: the response closing, a stream's usage. */
  private pending = 1;
  private streaming = false;

  constructor(
    readonly sink: TelemetrySink,
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    readonly route: RouteInfo,
    readonly startedAt: number,
  ) {}

  /** Something more will be reported later (a stream's usage when it settles); pair with {@link release}. */
  hold(): void {
    this.pending++;
  }

  release(): void {
    if (--this.pending === 0) this.sink.complete(this);
  }

  /** The response closed: completed, or cut short by the client. */
  closed(now: number, completed: boolean): void {
    this.closedAt = now;
    this.completed = completed;
    this.release();
  }

  streamStarted(): void {
    this.streaming = true;
    this.sink.streamOpened();
  }

  streamEnded(now: number): void {
    if (!this.streaming) return;
    this.streaming = false;
    if (this.streamEndedAt === 0) this.streamEndedAt = now;
    this.sink.streamClosed();
  }

  bedrockStarted(now: number): void {
    if (this.inFlight++ === 0) this.busySince = now;
    this.bedrockCalls++;
  }

  bedrockEnded(now: number): void {
    if (--this.inFlight === 0) this.bedrockMs += now - this.busySince;
  }

  /** Bedrock time so far, counting calls still in flight up to `now`. */
  bedrockMsAt(now: number): number {
    return this.inFlight > 0 ? this.bedrockMs + (now - this.busySince) : this.bedrockMs;
  }
}

/**
 * Abort signals lead back to their request: the Bedrock port takes only a signal, and every signal a Bedrock
 * call gets descends from the request's own (RequestContext → UpstreamCall). A WeakMap: nothing outlives the
 * request.
 */
const bySignal = new WeakMap<AbortSignal, RequestTelemetry>();

export function bindSignal(signal: AbortSignal, telemetry: RequestTelemetry | undefined): void {
  if (telemetry) bySignal.set(signal, telemetry);
}

export function telemetryOf(signal: AbortSignal): RequestTelemetry | undefined {
  return bySignal.get(signal);
}

declare module 'fastify' {
  interface FastifyRequest {
    telemetry?: RequestTelemetry;
  }
}
