import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CompletionUsage } from '../openai/chat/chat-response.types';
import { ChatStream } from '../openai/chat/response/chat-stream';
import type { ResponseUsage } from '../openai/responses/dto/response-object.types';
import { ResponseStream } from '../openai/responses/stream/response-stream';
import type { UsageRecord } from './usage-record';
import { UsageRecorder } from './usage.recorder';

/** Responses that report usage the OpenAI way (chat completions, embeddings, Responses). */
interface WithUsage {
  object: string;
  usage?: Partial<CompletionUsage> | ResponseUsage | null;
}

const endpointOf = (object: string): UsageRecord['endpoint'] =>
  object === 'list' ? 'embeddings' : object === 'response' ? 'responses' : 'chat.completions';

/** The Responses API's usage in chat's terms (the same counts under other names). */
const fromResponseUsage = (u: ResponseUsage | null | undefined): Partial<CompletionUsage> | undefined =>
  u
    ? {
        prompt_tokens: u.input_tokens,
        completion_tokens: u.output_tokens,
        prompt_tokens_details: {
          cached_tokens: u.input_tokens_details.cached_tokens,
          cache_write_tokens: u.input_tokens_details.cache_write_tokens,
        },
      }
    : undefined;

/**
 * Sees every completed request's usage: a JSON response's `usage` when the handler returns it, a stream's
 * when it ends (through {@link ChatStream.onSettled}, so the per-chunk path gets no extra layer). Used by
 * {@link UsageInterceptor}.
 */
@Injectable()
export class UsageTracker {
  constructor(private readonly recorder: UsageRecorder) {}

  track(request: FastifyRequest, result: unknown): void {
    const ctx = request.gateway;
    if (!ctx) return;
    const telemetry = request.telemetry;
    const model = (request.body as { model?: unknown } | undefined)?.model;
    const base = {
      requestId: ctx.requestId,
      key: ctx.keyName,
      model: typeof model === 'string' ? model : '',
      modelId: ctx.modelId,
      servedModel: ctx.servedModel,
      fallbacks: ctx.fallbacks,
    };
    if (result instanceof ChatStream) {
      // The request is reported once the stream has settled too, so its log line carries the usage.
      telemetry?.hold();
      result.onSettled((outcome) => {
        this.recorder.record(
          toRecord(
            base,
            'chat.completions',
            true,
            outcome.usage,
            outcome.error ? 'error' : 'ok',
            ctx.startedAt,
          ),
          telemetry,
        );
        telemetry?.release();
      });
    } else if (result instanceof ResponseStream) {
      telemetry?.hold();
      result.onSettled((outcome) => {
        this.recorder.record(
          toRecord(
            base,
            'responses',
            true,
            fromResponseUsage(outcome.usage),
            outcome.error ? 'error' : 'ok',
            ctx.startedAt,
          ),
          telemetry,
        );
        telemetry?.release();
      });
    } else if (result !== null && typeof result === 'object' && 'usage' in result) {
      const r = result as WithUsage;
      const usage =
        r.object === 'response'
          ? fromResponseUsage(r.usage as ResponseUsage)
          : (r.usage as Partial<CompletionUsage> | undefined);
      this.recorder.record(
        toRecord(base, endpointOf(r.object), false, usage, 'ok', ctx.startedAt),
        telemetry,
      );
    }
  }
}

function toRecord(
  base: Pick<UsageRecord, 'requestId' | 'key' | 'model' | 'modelId' | 'servedModel' | 'fallbacks'>,
  endpoint: UsageRecord['endpoint'],
  stream: boolean,
  usage: Partial<CompletionUsage> | undefined,
  outcome: UsageRecord['outcome'],
  startedAt: number,
): UsageRecord {
  return {
    requestId: base.requestId,
    key: base.key,
    endpoint,
    model: base.model,
    modelId: base.modelId,
    ...(base.servedModel ? { servedModel: base.servedModel, fallbacks: base.fallbacks } : {}),
    stream,
    outcome,
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0,
    reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? 0,
    durationMs: Math.round(performance.now() - startedAt),
  };
}
