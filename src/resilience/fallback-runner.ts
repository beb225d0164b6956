import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiKeyStore } from '../auth/api-key.store';
import type { RequestContext } from '../common/context/request-context';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { LimitsStats } from '../limits/limits.stats';
import type { FallbackMap } from '../limits/policy/key-policy';
import { ModelAllowList } from '../limits/policy/model-patterns';
import { failureKind } from './failure-kind';

/**
 * One attempt at answering with `model`, bounded by `timeoutMs`. It resolves once the answer is complete
 * (JSON) or once Bedrock accepted the stream: whatever fails after that is the stream's own business, never
 * retried here, because the client may already hold part of an answer.
 */
export type Attempt<T> = (model: string, timeoutMs: number) => Promise<T>;

/**
 * Fallback chains within a deadline, as a unit any route can use: tries the requested model, then its
 * configured fallbacks in order (MODEL_FALLBACKS, or the policy document's `fallbacks`, which win) when an
 * attempt fails in a way another model could absorb; on a prompt too long for the model, its
 * `context_fallbacks` instead (models with larger windows). Fallbacks the key may not use are skipped. Every
 * attempt gets only the time left before the request's deadline (REQUEST_DEADLINE_MS, shortened by the
 * client's own timeout hint), so retries plus fallbacks never outlast what the client waits for. Retries of
 * one model are the Bedrock transport's (BEDROCK_MAX_ATTEMPTS: the SDK's standard strategy, exponential
 * backoff with full jitter honouring `retry-after`), inside the same time bound.
 */
@Injectable()
export class FallbackRunner {
  private readonly logger = new Logger('Fallbacks');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly keys: ApiKeyStore,
    private readonly stats: LimitsStats,
  ) {}

  async run<T>(requested: string, ctx: RequestContext, attempt: Attempt<T>): Promise<T> {
    const deadline = Math.min(
      ctx.startedAt + this.config.limits.requestDeadlineMs,
      ctx.clientDeadline ?? Number.POSITIVE_INFINITY,
    );
    const allow = ctx.allowedModels ? new ModelAllowList(ctx.allowedModels) : undefined;
    const tried = new Set<string>();
    let candidates = [requested, ...this.chain('fallbacks', requested)];
    let lastError: unknown;
    for (let i = 0; i < candidates.length; i++) {
      const model = candidates[i];
      if (tried.has(model)) continue;
      if (i > 0 && allow && !allow.allows(model, this.config.modelAliases[model])) {
        this.logger.debug?.({ msg: 'fallback skipped: not allowed for the key', key: ctx.keyName, model });
        continue;
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0 && tried.size > 0) break;
      tried.add(model);
      try {
        const result = await attempt(model, Math.max(remaining, 1));
        if (model !== requested) {
          ctx.servedModel = model;
          ctx.fallbacks = tried.size - 1;
          this.stats.fallbackServed(requested, model);
        }
        return result;
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        const kind = failureKind(err);
        if (kind === 'final') throw err;
        lastError = err;
        if (kind === 'context') {
          // Only larger windows help now: the rest of the chain becomes the context fallbacks.
          candidates = [...candidates.slice(0, i + 1), ...this.chain('contextFallbacks', model, requested)];
        }
        this.logger.warn({
          msg: 'model attempt failed',
          requestId: ctx.requestId,
          key: ctx.keyName,
          model,
          error: err instanceof Error ? err.name : String(err),
          next: candidates.slice(i + 1).find((m) => !tried.has(m)) ?? null,
        });
      }
    }
    if (tried.size > 1) this.stats.chainsExhausted++;
    throw lastError;
  }

  /** A model's chain: the policy document's when it names the model, else the environment's. */
  private chain(which: 'fallbacks' | 'contextFallbacks', ...models: string[]): string[] {
    const fromPolicy: FallbackMap = this.keys.fallbackChains[which];
    const fromEnv: FallbackMap = this.config.limits[which];
    for (const m of models) {
      const chain = fromPolicy[m] ?? fromEnv[m];
      if (chain) return chain;
    }
    return [];
  }
}
