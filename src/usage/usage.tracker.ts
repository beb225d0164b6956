import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CompletionUsage } from '../openai/chat/chat-response.types';
import { ChatStream } from '../openai/chat/response/chat-stream';
import type { UsageRecord } from './usage-record';
import { UsageRecorder } from './usage.recorder';

/** Responses that report usage the OpenAI way (chat completions, embeddings). */
interface WithUsage {
  object: string;
  usage?: Partial<CompletionUsage>;
}

const endpointOf = (object: string): UsageRecord['endpoint'] =>
  object === 'list' ? 'embeddings' : 'chat.completions';

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
    const model = (request.body as { model?: unknown } | undefined)?.model;
    const base = {
      requestId: ctx.requestId,
      key: ctx.keyName,
      model: typeof model === 'string' ? model : '',
      modelId: ctx.modelId,
    };
    if (result instanceof ChatStream) {
      result.onSettled((outcome) =>
        this.recorder.record(
          toRecord(
            base,
            'chat.completions',
            true,
            outcome.usage,
            outcome.error ? 'error' : 'ok',
            ctx.startedAt,
          ),
        ),
      );
    } else if (result !== null && typeof result === 'object' && 'usage' in result) {
      const r = result as WithUsage;
      this.recorder.record(toRecord(base, endpointOf(r.object), false, r.usage, 'ok', ctx.startedAt));
    }
  }
}

function toRecord(
  base: Pick<UsageRecord, 'requestId' | 'key' | 'model' | 'modelId'>,
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
    stream,
    outcome,
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0,
    durationMs: Math.round(performance.now() - startedAt),
  };
}
