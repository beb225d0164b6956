import { Injectable } from '@nestjs/common';
import type { LimitReason } from './store/limit-store';

/** Counters of the limits layer, for a metrics exporter to read (no metrics library needed here). */
export interface LimitsSnapshot {
  admitted: number;
  /** Requests refused, by which limit refused them. */
  rejected: Record<LimitReason, number>;
  /** Calls to the shared store (Redis) that failed. */
  storeErrors: number;
  /** Requests let through unchecked because the store failed (RATE_LIMIT_FAIL_MODE=open). */
  failOpen: number;
  /** Requests refused because the store failed (RATE_LIMIT_FAIL_MODE=closed). */
  failClosed: number;
  /** Global in-flight cap: requests in flight and waiting now, and refused since start. */
  inflight: number;
  queued: number;
  overloaded: number;
  /** Answers served by a fallback model: count per `requested → served` pair. */
  fallbacks: Record<string, number>;
  /** Requests whose whole chain failed on errors a fallback could have absorbed. */
  chainsExhausted: number;
}

/** The mutable counters behind {@link LimitsSnapshot}; every part of the limits layer writes here. */
@Injectable()
export class LimitsStats {
  admitted = 0;
  readonly rejected: Record<LimitReason, number> = {
    concurrency: 0,
    requests: 0,
    tokens: 0,
    too_large: 0,
    budget: 0,
  };
  storeErrors = 0;
  failOpen = 0;
  failClosed = 0;
  chainsExhausted = 0;
  private readonly fallbackPairs = new Map<string, number>();
  /** Set by the in-flight gate, read at snapshot time. */
  gauges: () => { inflight: number; queued: number; overloaded: number } = () => ({
    inflight: 0,
    queued: 0,
    overloaded: 0,
  });

  fallbackServed(requested: string, served: string): void {
    const pair = `${requested} → ${served}`;
    this.fallbackPairs.set(pair, (this.fallbackPairs.get(pair) ?? 0) + 1);
  }

  snapshot(): LimitsSnapshot {
    return {
      admitted: this.admitted,
      rejected: { ...this.rejected },
      storeErrors: this.storeErrors,
      failOpen: this.failOpen,
      failClosed: this.failClosed,
      ...this.gauges(),
      fallbacks: Object.fromEntries(this.fallbackPairs),
      chainsExhausted: this.chainsExhausted,
    };
  }
}
