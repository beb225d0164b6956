import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ApiKeyEntry, GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { ReadinessService } from '../health/readiness.service';
import type { FallbackMap } from '../limits/policy/key-policy';
import { KeyMatcher } from './key-matcher';
import { fetchKeys } from './key-sources';

/** A policy file is local and cheap to read: edits take effect within this. */
const FILE_REFRESH_MS = 15_000;
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
  private chains: { fallbacks: FallbackMap; contextFallbacks: FallbackMap } = {
    fallbacks: Object.create(null) as FallbackMap,
    contextFallbacks: Object.create(null) as FallbackMap,
  };
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

  /** The presented key's entry (name, and its policy when it comes from a policy document). */
  find(presented: string): ApiKeyEntry | undefined {
    return this.matcher?.find(presented);
  }

  /** The policy document's fallback chains (empty for the other key sources). */
  get fallbackChains(): { fallbacks: FallbackMap; contextFallbacks: FallbackMap } {
    return this.chains;
  }

  private get refreshMs(): number {
    return this.config.keySource.kind === 'file' ? FILE_REFRESH_MS : this.config.apiKeyRefreshMs;
  }

  private async load(): Promise<void> {
    try {
      const { keys, fallbacks, contextFallbacks } = await fetchKeys(
        this.config.keySource,
        this.config.region,
      );
      const first = this.matcher === undefined;
      this.matcher = new KeyMatcher(keys);
      this.chains = {
        fallbacks: fallbacks ?? this.chains.fallbacks,
        contextFallbacks: contextFallbacks ?? this.chains.contextFallbacks,
      };
      this.lastError = undefined;
      // Re-reads are periodic (a policy file every 15 s): only the first one is worth an info line.
      const line = { msg: 'API keys loaded', source: this.config.keySource.kind, keys: keys.length };
      if (first) this.logger.log(line);
      else this.logger.debug?.(line);
      this.schedule(this.refreshMs);
    } catch (err) {
      this.failures++;
      this.lastError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.logger.error({
        msg: 'loading API keys failed',
        source: this.config.keySource.kind,
        error: this.lastError,
      });
      this.schedule(this.matcher ? this.refreshMs : Math.min(RETRY_MS, this.refreshMs));
    }
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => void this.load(), ms);
    this.timer.unref();
  }
}
