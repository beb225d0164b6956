import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { ChatStream } from '../chat/stream/chat-stream';
import type { CompletionUsage } from '../chat/dto/chat-response.types';
import { UsageRecorder } from './usage.recorder';
import type { UsageRecord } from './usage-record';

/** Responses that report usage the OpenAI way (chat completions, embeddings). */
interface WithUsage {
  object: string;
  model: string;
  usage?: Partial<CompletionUsage>;
}

const endpointOf = (object: string): UsageRecord['endpoint'] =>
  object === 'list' ? 'embeddings' : 'chat.completions';

/**
 * The one place that sees every completed request's usage: a JSON response's `usage` when the handler
 * returns, a stream's when it ends (it tells this interceptor through {@link ChatStream.onSettled}, so the
 * per-chunk path gets no extra layer).
 */
@Injectable()
export class UsageInterceptor implements NestInterceptor {
  constructor(private readonly recorder: UsageRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const body = request.body as { model?: unknown } | undefined;
    return next.handle().pipe(
      tap((result: unknown) => {
        const ctx = request.gateway;
        if (!ctx) return;
        const base = {
          requestId: ctx.requestId,
          key: ctx.keyName,
          model: typeof body?.model === 'string' ? body.model : '',
          modelId: ctx.modelId,
        };
        if (result instanceof ChatStream) {
          result.onSettled((outcome) =>
            this.recorder.record(
              this.toRecord(
                base,
                'chat.completions',
                true,
                outcome.usage,
                outcome.error ? 'error' : 'ok',
                ctx.startedAt,
              ),
            ),
          );
        } else if (result && typeof result === 'object' && 'usage' in result) {
          const r = result as WithUsage;
          this.recorder.record(
            this.toRecord(base, endpointOf(r.object), false, r.usage, 'ok', ctx.startedAt),
          );
        }
      }),
    );
  }

  private toRecord(
    base: Pick<UsageRecord, 'requestId' | 'key' | 'model' | 'modelId'>,
    endpoint: UsageRecord['endpoint'],
    stream: boolean,
    usage: Partial<CompletionUsage> | undefined,
    outcome: UsageRecord['outcome'],
    startedAt: number,
  ): UsageRecord {
    return {
      ...base,
      endpoint,
      stream,
      outcome,
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      cacheWriteTokens: usage?.prompt_tokens_details?.cache_write_tokens ?? 0,
      durationMs: Math.round(performance.now() - startedAt),
    };
  }
}
