import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  ConverseStreamRequest,
  TokenUsage,
} from '@aws-sdk/client-bedrock-runtime';
import {
  BedrockClient,
  CountTokensRequest,
  InvokeRequest,
  InvokeResponse,
  InvokeStreamChunk,
} from '../bedrock/bedrock-client';
import type { ClientCallResult, ClientSpan, GatewayTracing } from '../tracing/gateway-tracing';
import { exceptionLabel, outcomeOf } from './bedrock-exception-names';
import type { GatewayMetrics } from './gateway-metrics';
import type { ModelLabels } from './model-labels';
import { RequestTelemetry, telemetryOf } from './request-telemetry';

/** One Bedrock call being observed: its request's telemetry, its span, its clock. */
class CallObservation {
  private ended = false;

  constructor(
    private readonly owner: InstrumentedBedrockClient,
    readonly operation: string,
    readonly genAiOperation: string,
    readonly model: string,
    private readonly telemetry: RequestTelemetry | undefined,
    private readonly span: ClientSpan | undefined,
    private readonly signal: AbortSignal,
    private readonly startedAt: number,
  ) {}

  end(result: ClientCallResult): void {
    if (this.ended) return;
    this.ended = true;
    const now = performance.now();
    const t = this.telemetry;
    t?.bedrockEnded(now);
    // An aborted call (client gone, timeout) failed for the abort's reason, whatever the transport threw for it
    // (the SDK's HTTP handler reports a client abort as a reset socket).
    if (this.signal.aborted && (result.error !== undefined || !result.finished))
      result.error = this.signal.reason;
    const failed = result.error !== undefined;
    const exception = failed ? exceptionLabel(result.error) : '';
    if (failed && t) t.bedrockError = exception;
    this.owner.metrics?.bedrockCall(
      this.operation,
      this.genAiOperation,
      this.model,
      failed ? outcomeOf(result.error, this.signal) : 'success',
      exception,
      (now - this.startedAt) / 1000,
    );
    if (this.span) {
      if (failed) result.errorType = exception;
      this.span.end(result);
    }
  }
}

const fromUsage = (usage: TokenUsage | undefined, result: ClientCallResult): ClientCallResult => {
  if (usage) {
    result.inputTokens = usage.inputTokens;
    result.outputTokens = usage.outputTokens;
    result.cacheReadTokens = usage.cacheReadInputTokens;
    result.cacheWriteTokens = usage.cacheWriteInputTokens;
  }
  return result;
};

/**
 * A stream passed through untouched except that its end (done, failure, or the consumer stopping early) ends
 * the call's observation, and its events are shown to `inspect` (usage, stop reason). One extra promise
 * reaction per event; no generator layer.
 */
class ObservedStream<T> implements AsyncIterable<T>, AsyncIterator<T> {
  private iterator: AsyncIterator<T> | undefined;
  private readonly result: ClientCallResult = {};

  constructor(
    private readonly source: AsyncIterable<T>,
    private readonly call: CallObservation,
    private readonly inspect: ((event: T, result: ClientCallResult) => void) | undefined,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.iterator = this.source[Symbol.asyncIterator]();
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.iterator!.next().then(this.onResult, this.onError);
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    this.call.end(this.result);
    const it = this.iterator;
    return it?.return ? it.return(value) : Promise.resolve({ done: true, value: undefined as T });
  }

  private readonly onResult = (r: IteratorResult<T>): IteratorResult<T> => {
    if (r.done) {
      this.result.finished = true;
      this.call.end(this.result);
    } else if (this.inspect) this.inspect(r.value, this.result);
    return r;
  };

  private readonly onError = (err: unknown): never => {
    this.result.error = err;
    this.call.end(this.result);
    throw err;
  };
}

function inspectConverseEvent(event: ConverseStreamOutput, result: ClientCallResult): void {
  if (event.metadata) fromUsage(event.metadata.usage, result);
  else if (event.messageStop) result.finishReason = event.messageStop.stopReason;
}

function inspectConverseEventWithText(event: ConverseStreamOutput, result: ClientCallResult): void {
  const text = event.contentBlockDelta?.delta?.text;
  if (text !== undefined) result.output = (result.output ?? '') + text;
  else inspectConverseEvent(event, result);
}

/**
 * The {@link BedrockClient} port, observed: every call counted by operation and outcome, timed (into
 * `gen_ai_client_operation_duration_seconds` and its request's Bedrock time, which the overhead histogram
 * subtracts), its exception named, and — with tracing on — a GenAI client span under the request's server
 * span. The request is found from the call's abort signal ({@link telemetryOf}), so no layer in between has
 * to pass anything along.
 */
export class InstrumentedBedrockClient extends BedrockClient {
  constructor(
    private readonly inner: BedrockClient,
    readonly metrics: GatewayMetrics | null,
    private readonly labels: ModelLabels,
    private readonly tracing: GatewayTracing | null,
    private readonly captureContent: boolean,
  ) {
    super();
  }

  async converse(input: ConverseRequest, signal: AbortSignal): Promise<ConverseResponse> {
    const call = this.start('Converse', input.modelId, signal, input);
    try {
      const out = await this.inner.converse(input, signal);
      const result = fromUsage(out.usage, { finishReason: out.stopReason, finished: true });
      if (this.captureContent) result.output = JSON.stringify(out.output?.message?.content ?? []);
      call.end(result);
      return out;
    } catch (error) {
      call.end({ error });
      throw error;
    }
  }

  async converseStream(
    input: ConverseStreamRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const call = this.start('ConverseStream', input.modelId, signal, input);
    try {
      const events = await this.inner.converseStream(input, signal);
      return new ObservedStream(
        events,
        call,
        this.captureContent ? inspectConverseEventWithText : inspectConverseEvent,
      );
    } catch (error) {
      call.end({ error });
      throw error;
    }
  }

  async invokeModel(input: InvokeRequest, signal: AbortSignal): Promise<InvokeResponse> {
    const call = this.start('InvokeModel', input.modelId, signal, undefined);
    try {
      const out = await this.inner.invokeModel(input, signal);
      call.end({ inputTokens: out.inputTokens, outputTokens: out.outputTokens, finished: true });
      return out;
    } catch (error) {
      call.end({ error });
      throw error;
    }
  }

  async invokeModelStream(
    input: InvokeRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<InvokeStreamChunk>> {
    const call = this.start('InvokeModelWithResponseStream', input.modelId, signal, undefined);
    try {
      return new ObservedStream(await this.inner.invokeModelStream(input, signal), call, undefined);
    } catch (error) {
      call.end({ error });
      throw error;
    }
  }

  async countTokens(input: CountTokensRequest, signal: AbortSignal): Promise<number> {
    const call = this.start('CountTokens', input.modelId, signal, undefined);
    try {
      const tokens = await this.inner.countTokens(input, signal);
      call.end({ finished: true });
      return tokens;
    } catch (error) {
      call.end({ error });
      throw error;
    }
  }

  destroy(): void {
    this.inner.destroy();
  }

  private start(
    operation: string,
    modelId: string | undefined,
    signal: AbortSignal,
    converse: ConverseRequest | undefined,
  ): CallObservation {
    const now = performance.now();
    const t = telemetryOf(signal);
    const genAiOperation = t?.route.operation || (converse ? 'chat' : 'embeddings');
    if (t) {
      t.bedrockStarted(now);
      t.modelCalled = modelId;
    }
    const span = this.tracing?.startClient(t?.span, {
      operation: genAiOperation,
      bedrockOperation: operation,
      modelId: modelId ?? '',
      maxTokens: converse?.inferenceConfig?.maxTokens,
      temperature: converse?.inferenceConfig?.temperature,
      topP: converse?.inferenceConfig?.topP,
      input:
        this.captureContent && converse
          ? { system: converse.system, messages: converse.messages }
          : undefined,
    });
    return new CallObservation(
      this,
      operation,
      genAiOperation,
      this.labels.of(modelId),
      t,
      span,
      signal,
      now,
    );
  }
}
