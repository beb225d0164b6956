import { Injectable } from '@nestjs/common';
import type { RequestTelemetry } from '../metrics/request-telemetry';
import { ModelLabels } from '../metrics/model-labels';
import type { UsageRecord, UsageTotals } from './usage-record';

/**
 * Where every completed request's usage lands: on the request's telemetry (its log line and token metrics,
 * see RequestReporter) and in running totals per key and model. The totals are keyed by the bounded model
 * label, so a client sending invented model names cannot make them grow.
 */
@Injectable()
export class UsageRecorder {
  private readonly totals = new Map<string, UsageTotals>();
  private readonly listeners: ((r: UsageRecord) => void)[] = [];

  constructor(private readonly labels: ModelLabels) {}

  /** Called with every record (per-key limits settle their token reservations from it). */
  subscribe(listener: (r: UsageRecord) => void): void {
    this.listeners.push(listener);
  }

  record(r: UsageRecord, telemetry?: RequestTelemetry): void {
    for (const l of this.listeners) l(r);
    if (telemetry) telemetry.usage = r;
    const model = this.labels.of(r.model);
    const id = `${r.key}\u0000${model}`;
    let t = this.totals.get(id);
    if (!t) {
      t = {
        key: r.key,
        model,
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
