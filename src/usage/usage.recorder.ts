import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import type { UsageRecord, UsageTotals } from './usage-record';

/**
 * Where every completed request's usage lands: one structured log line each (for log-based billing and
 * dashboards) and running totals per key and model (for metrics).
 */
@Injectable()
export class UsageRecorder {
  private readonly logger = new Logger('Usage');
  private readonly totals = new Map<string, UsageTotals>();
  private readonly listeners: ((r: UsageRecord) => void)[] = [];

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  /** Called with every record (per-key limits settle their token reservations from it). */
  subscribe(listener: (r: UsageRecord) => void): void {
    this.listeners.push(listener);
  }

  record(r: UsageRecord): void {
    for (const l of this.listeners) l(r);
    if (this.config.usageLog) this.logger.log({ msg: 'usage', ...r });
    const id = `${r.key}\u0000${r.model}`;
    let t = this.totals.get(id);
    if (!t) {
      t = {
        key: r.key,
        model: r.model,
        requests: 0,
        errors: 0,
        promptTokens: 0,
        completionTokens: 0,
        cachedTokens: 0,
        cacheWriteTokens: 0,
      };
      this.totals.set(id, t);
    }
    t.requests++;
    if (r.outcome === 'error') t.errors++;
    t.promptTokens += r.promptTokens;
    t.completionTokens += r.completionTokens;
    t.cachedTokens += r.cachedTokens;
    t.cacheWriteTokens += r.cacheWriteTokens;
  }

  snapshot(): UsageTotals[] {
    return [...this.totals.values()].map((t) => ({ ...t }));
  }
}
