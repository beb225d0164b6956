import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { ReadinessService } from '../health/readiness.service';
import { KeyMatcher } from './key-matcher';
import { fetchKeys } from './key-sources';

/** Retry delay while the first load keeps failing (the gateway stays up but not ready); at most the refresh interval. */
const RETRY_MS = 5_000;

/**
 * Holds the accepted API keys. Loading never blocks start-up: until the first load succeeds `/ready` says
 * so and requests get a 503, which lets an orchestrator hold traffic instead of restarting in a loop.
 */
@Injectable()
export class ApiKeyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeys');
  private matcher: KeyMatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;
  private failures = 0;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    readiness: ReadinessService,
  ) {
    readiness.register('apiKeys', () => ({ ready: this.loaded, detail: this.status }));
  }

  async onModuleInit(): Promise<void> {
    if (this.config.keySource.kind === 'env') {
      this.matcher = new KeyMatcher(this.config.keySource.keys);
      return;
    }
    await this.load();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  get loaded(): boolean {
    return this.matcher !== undefined;
  }

  get status(): { loaded: boolean; source: string; keys: number; error?: string } {
    return {
      loaded: this.loaded,
      source: this.config.keySource.kind,
      keys: this.matcher?.size ?? 0,
      error: this.lastError,
    };
  }

  /** Failed reads of the key source since start-up (exported as a metric). */
  get refreshFailures(): number {
    return this.failures;
  }

  /** The name of the key presented, or undefined. Only valid once {@link loaded}. */
  identify(presented: string): string | undefined {
    return this.matcher?.match(presented);
  }

  private async load(): Promise<void> {
    try {
      const keys = await fetchKeys(this.config.keySource, this.config.region);
      this.matcher = new KeyMatcher(keys);
      this.lastError = undefined;
      this.logger.log({ msg: 'API keys loaded', source: this.config.keySource.kind, keys: keys.length });
      this.schedule(this.config.apiKeyRefreshMs);
    } catch (err) {
      this.failures++;
      this.lastError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.logger.error({
        msg: 'loading API keys failed',
        source: this.config.keySource.kind,
        error: this.lastError,
      });
      this.schedule(
        this.matcher ? this.config.apiKeyRefreshMs : Math.min(RETRY_MS, this.config.apiKeyRefreshMs),
      );
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.load(), ms);
    this.timer.unref();
  }
}
