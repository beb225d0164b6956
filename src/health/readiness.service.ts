import { Injectable } from '@nestjs/common';

export interface CheckResult {
  ready: boolean;
  detail?: Record<string, unknown>;
}

/**
 * Collects readiness checks from the modules that have something to load (API keys, the model catalog) so
 * `/ready` reports each by name. A module registers its check when it starts.
 */
@Injectable()
export class ReadinessService {
  private readonly checks = new Map<string, () => CheckResult>();
  private draining = false;

  /** From now on the gateway reports not-ready, so load balancers stop sending it new requests. */
  drain(): void {
    this.draining = true;
  }

  register(name: string, check: () => CheckResult): void {
    this.checks.set(name, check);
  }

  evaluate(): { ready: boolean; checks: Record<string, CheckResult> } {
    const checks: Record<string, CheckResult> = {};
    let ready = !this.draining;
    if (this.draining) checks.shutdown = { ready: false };
    for (const [name, check] of this.checks) {
      const result = check();
      checks[name] = result;
      ready &&= result.ready;
    }
    return { ready, checks };
  }
}
