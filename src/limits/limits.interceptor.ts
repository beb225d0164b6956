import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, map, Observable, switchMap } from 'rxjs';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { InflightGate } from './inflight.gate';
import { rejectionError } from './limit.errors';
import { LimitsStats } from './limits.stats';
import { hasLimits, KeyPolicy } from './policy/key-policy';
import { ModelAllowList } from './policy/model-patterns';
import { headerStyleFor, rateLimitHeaders } from './rate-limit.headers';
import { LimitRejection, RateLimiter, Ticket } from './rate-limiter';
import { reservationFor } from './reservation';
import { UNMETERED } from './unmetered.decorator';

/** What one request holds until its response closes. */
interface Held {
  slot: boolean;
  ticket?: Ticket;
  closed: boolean;
}

/**
 * Around every model route (every POST not marked {@link Unmetered}), whatever its dialect: the key's model
 * allow-list, its limits (429s in the route's header style), the global in-flight cap, and on the way out
 * `x-gateway-model` when a fallback answered. Runs after ApiKeyGuard, which identified the key.
 */
@Injectable()
export class LimitsInterceptor implements NestInterceptor {
  private readonly gate: InflightGate;
  private readonly allowLists = new WeakMap<KeyPolicy, ModelAllowList>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
    stats: LimitsStats,
  ) {
    const { maxInflight, maxQueued, queueTimeoutMs } = config.limits;
    this.gate = new InflightGate(maxInflight, maxQueued, queueTimeoutMs);
    stats.gauges = () => ({ ...this.gate.counts, overloaded: this.gate.refused });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (request.method !== 'POST' || this.reflector.get<boolean>(UNMETERED, context.getHandler())) {
      return next.handle();
    }
    const reply = http.getResponse<FastifyReply>();
    const policy = request.keyPolicy;
    if (policy?.models) this.checkModel(policy, request.body);
    const held: Held = { slot: false, closed: false };
    reply.raw.once('close', () => this.release(held, request, reply));
    if (!policy || !hasLimits(policy)) return this.gated(held, request, reply, next);
    const path = request.url;
    const needsTokens = policy.tpm !== undefined || policy.budget !== undefined;
    const reserve = needsTokens ? reservationFor(path, request.body, this.config.limits.reserveTokens) : 0;
    return from(this.limiter.admit(policy, reserve, String(request.id))).pipe(
      switchMap((outcome) => {
        const style = headerStyleFor(path);
        if (outcome instanceof LimitRejection) throw rejectionError(outcome, style);
        if (outcome) {
          held.ticket = outcome;
          if (held.closed) this.release(held, request, reply);
          void reply.headers(rateLimitHeaders(policy, outcome.admission, style));
        }
        return this.gated(held, request, reply, next);
      }),
    );
  }

  private gated(
    held: Held,
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Observable<unknown> {
    const run = (): Observable<unknown> => {
      held.slot = true;
      // The client left while this request waited for a slot: give it back at once.
      if (held.closed) this.release(held, request, reply);
      return next.handle().pipe(
        map((result) => {
          const served = request.gateway?.servedModel;
          if (served) void reply.header('x-gateway-model', served);
          return result;
        }),
      );
    };
    const waiting = this.gate.enter();
    return waiting ? from(waiting).pipe(switchMap(run)) : run();
  }

  private release(held: Held, request: FastifyRequest, reply: FastifyReply): void {
    held.closed = true;
    if (held.slot) {
      held.slot = false;
      this.gate.leave();
    }
    if (held.ticket) {
      const ticket = held.ticket;
      held.ticket = undefined;
      this.limiter.finish(ticket, String(request.id), reply.statusCode >= 400);
    }
  }

  private checkModel(policy: KeyPolicy, body: unknown): void {
    const model = (body as { model?: unknown } | undefined)?.model;
    if (typeof model !== 'string') return;
    let list = this.allowLists.get(policy);
    if (!list) this.allowLists.set(policy, (list = new ModelAllowList(policy.models!)));
    if (!list.allows(model, this.config.modelAliases[model])) {
      throw new ApiError(403, `The key '${policy.name}' may not use the model '${model}'.`, {
        type: 'permission_error',
        param: 'model',
        code: 'model_not_allowed',
      });
    }
  }
}
