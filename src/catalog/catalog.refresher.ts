import { BedrockClient as ControlPlaneClient } from '@aws-sdk/client-bedrock';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { ReadinessService } from '../health/readiness.service';
import { buildCatalog } from './catalog.builder';
import { fetchCatalogSources } from './catalog.loader';
import { CatalogSnapshot } from './catalog.snapshot';
import { InferenceProfileDirectory } from './inference-profiles';
import { ModelCatalog } from './model-catalog';

/** Retry delay while no load has succeeded yet (capped by the refresh interval). */
const RETRY_MS = 15_000;

/**
 * Loads the model catalog from Bedrock's control plane at boot and again every MODEL_CATALOG_REFRESH_MS in
 * the background. Start-up waits at most MODEL_CATALOG_BOOT_TIMEOUT_MS: a gateway whose control plane is
 * unreachable (or whose role lacks bedrock:List* permissions, common for invoke-only roles) still serves the
 * configured defaults and aliases, logs why, and says so in /ready. That check reports but does not fail
 * readiness: taking a gateway that can still invoke models out of rotation would turn a listing problem
 * into an outage.
 */
@Injectable()
export class CatalogRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ModelCatalog');
  private readonly stop = new AbortController();
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly catalog: ModelCatalog,
    private readonly control: ControlPlaneClient,
    private readonly directory: InferenceProfileDirectory,
    readiness: ReadinessService,
  ) {
    readiness.register('modelCatalog', () => ({ ready: true, detail: this.status }));
  }

  get status(): Record<string, unknown> {
    return {
      loaded: this.catalog.loaded,
      models: this.catalog.size,
      loadedAt: this.catalog.loadedAt?.toISOString(),
      error: this.lastError,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const load = this.refresh();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.modelCatalogBootTimeoutMs);
    });
    const outcome = await Promise.race([load, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn({
        msg: 'model catalog not loaded yet; starting with the configured defaults, still loading',
        waitedMs: this.config.modelCatalogBootTimeoutMs,
      });
    }
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.stop.abort();
  }

  /** Loads now unless a load is already under way; resolves when it is done (it never rejects). */
  refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    try {
      const sources = await fetchCatalogSources(
        this.control,
        {
          system: this.config.enableCrossRegionInference,
          application: this.config.enableApplicationInferenceProfiles,
        },
        this.stop.signal,
      );
      const snapshot = new CatalogSnapshot(buildCatalog(sources));
      for (const e of snapshot.entries) {
        if (e.source === 'application-profile') this.directory.remember(e.arn, e.baseModelId);
      }
      this.catalog.install(snapshot);
      this.lastError = undefined;
      this.logger.log({ msg: 'model catalog loaded', models: snapshot.entries.length });
      this.warnAboutUnknownTargets();
    } catch (err) {
      if (this.stop.signal.aborted) return;
      this.lastError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      this.logger.error({
        msg: this.catalog.loaded
          ? 'refreshing the model catalog failed; keeping the last one'
          : 'loading the model catalog failed; serving the configured defaults and aliases only',
        error: this.lastError,
      });
    }
  }

  /** Aliases and defaults are served even when Bedrock does not list them; a typo should not go unnoticed. */
  private warnAboutUnknownTargets(): void {
    const targets = [
      ...[...this.catalog.access.aliasEntries()].map(([, target]) => target),
      this.config.defaultModel,
      this.config.defaultEmbeddingModel,
    ];
    const unknown = [...new Set(targets)].filter((t) => !this.catalog.find(t));
    if (unknown.length > 0) {
      this.logger.warn({ msg: 'configured models Bedrock does not list for this account', models: unknown });
    }
  }

  private schedule(): void {
    if (this.stop.signal.aborted) return;
    const every = this.config.modelCatalogRefreshMs;
    this.timer = setTimeout(
      () => void this.refresh(),
      this.catalog.loaded ? every : Math.min(every, RETRY_MS),
    );
    this.timer.unref();
  }
}
