import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ApiError } from '../common/errors/api-error';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import type { UsageRecord } from '../usage/usage-record';
import { UsageRecorder } from '../usage/usage.recorder';
import { budgetPeriod } from './budget-period';
import { limitsRedis, readyWithin } from './limits.redis';
import { LimitsStats } from './limits.stats';
import type { KeyPolicy } from './policy/key-policy';
import type { Admission, LimitStore } from './store/limit-store';
import { MemoryLimitStore } from './store/memory-limit.store';
import { RedisLimitStore } from './store/redis-limit.store';

/** An admitted request's claim on its key's limits, until {@link RateLimiter.finish}. */
export interface Ticket {
  policy: KeyPolicy;
  admission: Admission;
  reserve: number;
  leaseId?: string;
  budget?: { period: string; endsAt: number };
  /** Real tokens, once the request's usage is known. */
  used?: number;
  /** Lease released (and tokens settled, when {@link used} was known by then). */
  finished: boolean;
}

/** Refused by a limit: the admission says which and when to retry. */
export class LimitRejection {
  constructor(
    readonly policy: KeyPolicy,
    readonly admission: Admission,
    readonly reserve: number,
    readonly budgetEndsAt?: number,
  ) {}
}

/** How long a stream's real usage may arrive after its response closed (a client that hung up mid-stream). */
const LATE_USAGE_MS = 30_000;
const ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * Per-key limits: rpm, tpm, concurrency and token budgets, counted in Redis when REDIS_URL is set (shared by
 * every replica) or in this process. A request reserves its max output tokens when admitted; its real usage
 * (from the usage recorder, which sees every completed request of every route) replaces the reservation.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Limits');
  private store: LimitStore = new MemoryLimitStore();
  private readonly open = new Map<string, Ticket>();
  private lastErrorLog = 0;
  private suppressed = 0;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly stats: LimitsStats,
    recorder: UsageRecorder,
  ) {
    recorder.subscribe((r) => this.onUsage(r));
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.limits.redisUrl;
    if (!url) return;
    const redis = await limitsRedis(url, (err) => this.storeFailed(err));
    this.store = new RedisLimitStore(redis);
    if (!(await readyWithin(redis, 2_000))) {
      this.logger.warn({
        msg: 'Redis not reachable yet; limits apply in fail mode until it is',
        url: safe(url),
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  /**
   * Admits a request of a limited key (a ticket), refuses it (a rejection), or — the store being unreachable
   * in fail-open mode — lets it through unchecked (undefined). Fail-closed mode throws a 503 instead.
   */
  async admit(
    policy: KeyPolicy,
    reserve: number,
    requestId: string,
  ): Promise<Ticket | LimitRejection | undefined> {
    const now = Date.now();
    const budget = policy.budget ? budgetPeriod(policy.budget.period, now) : undefined;
    const leaseId = policy.maxConcurrent
      ? `${requestId}:${now}:${Math.random().toString(36).slice(2, 8)}`
      : '';
    let admission: Admission;
    try {
      admission = await this.store.acquire({
        id: policy.name,
        rpm: policy.rpm,
        tpm: policy.tpm,
        maxConcurrent: policy.maxConcurrent,
        reserve,
        leaseId,
        leaseTtlMs: Math.max(this.config.limits.requestDeadlineMs, this.config.upstreamTimeoutMs) + 60_000,
        budget:
          policy.budget && budget
            ? { limit: policy.budget.tokens, period: budget.id, ttlMs: budget.endsAt - now + 3_600_000 }
            : undefined,
      });
    } catch (err) {
      this.storeFailed(err as Error);
      if (this.config.limits.failMode === 'closed') {
        this.stats.failClosed++;
        throw new ApiError(503, 'Rate limits cannot be checked right now; retry shortly.', {
          code: 'rate_limiter_unavailable',
          headers: { 'retry-after': '1' },
        });
      }
      this.stats.failOpen++;
      return undefined;
    }
    if (!admission.admitted) {
      this.stats.rejected[admission.reason!]++;
      return new LimitRejection(policy, admission, reserve, budget?.endsAt);
    }
    this.stats.admitted++;
    const ticket: Ticket = {
      policy,
      admission,
      reserve,
      leaseId: leaseId || undefined,
      budget: budget && { period: budget.id, endsAt: budget.endsAt },
      finished: false,
    };
    this.open.set(ticketKey(policy.name, requestId), ticket);
    return ticket;
  }

  /**
   * The response is over. Settles the reservation to the real usage when it is known; a failed request
   * (status ≥ 400) that recorded none used nothing and gets it all back; a successful one whose usage is not
   * in yet (a stream cut off by its client) keeps its slot free but its reservation until the usage arrives.
   */
  finish(ticket: Ticket, requestId: string, failed: boolean): void {
    ticket.finished = true;
    const key = ticketKey(ticket.policy.name, requestId);
    if (ticket.used !== undefined || failed) {
      this.open.delete(key);
      this.settle(ticket, (ticket.used ?? 0) - ticket.reserve, ticket.leaseId);
      return;
    }
    this.settle(ticket, 0, ticket.leaseId);
    setTimeout(() => {
      if (this.open.get(key) === ticket) this.open.delete(key);
    }, LATE_USAGE_MS).unref();
  }

  private onUsage(r: UsageRecord): void {
    const key = ticketKey(r.key, r.requestId);
    const ticket = this.open.get(key);
    if (!ticket) return;
    ticket.used = r.promptTokens + r.completionTokens;
    if (!ticket.finished) return; // settled with the lease when the response closes
    this.open.delete(key);
    this.settle(ticket, ticket.used - ticket.reserve, undefined);
  }

  private settle(ticket: Ticket, delta: number, leaseId: string | undefined): void {
    // Keys limited only by requests or concurrency have no token counts worth a round trip.
    const tokenDelta = ticket.policy.tpm !== undefined || ticket.policy.budget !== undefined ? delta : 0;
    if (tokenDelta === 0 && !leaseId) return;
    this.store
      .settle({
        id: ticket.policy.name,
        bucket: ticket.admission.bucket,
        tokenDelta,
        leaseId,
        budgetPeriod: ticket.budget?.period,
      })
      .catch((err: Error) => this.storeFailed(err));
  }

  /** Counts every store failure; logs at most one line per interval, with how many it stands for. */
  private storeFailed(err: Error): void {
    this.stats.storeErrors++;
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    this.logger.error({
      msg: 'rate-limit store failed',
      error: `${err.name}: ${err.message}`,
      failMode: this.config.limits.failMode,
      similarSincePrevious: this.suppressed,
    });
    this.lastErrorLog = now;
    this.suppressed = 0;
  }
}

// The request id alone could repeat: callers may send their own x-request-id.
const ticketKey = (name: string, requestId: string) => `${name}\u0000${requestId}`;

/** The URL without its password, for logs. */
const safe = (url: string) => url.replace(/\/\/([^@/]*)@/, '//***@');
