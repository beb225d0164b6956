import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyStore } from '../auth/api-key.store';
import { ModelCatalog } from '../catalog/model-catalog';
import { GatewayMetrics } from './gateway-metrics';

/**
 * Metrics read at scrape time from the components that own the facts (no hook in their code paths): how old
 * the model catalog is and how many models it holds, and how often reading the API keys from their source
 * (Secrets Manager, SSM) has failed.
 */
@Injectable()
export class MetricsSources {
  constructor(
    @Inject(GatewayMetrics) metrics: GatewayMetrics | null,
    catalog: ModelCatalog,
    keys: ApiKeyStore,
  ) {
    if (!metrics) return;
    metrics.sampledGauge(
      'bedrock_gateway_model_catalog_age_seconds',
      'Seconds since the model catalog was last loaded from Bedrock’s control plane (absent until a first load).',
      () => {
        const at = catalog.loadedAt;
        return at === undefined ? undefined : (Date.now() - at.getTime()) / 1000;
      },
    );
    metrics.sampledGauge(
      'bedrock_gateway_model_catalog_models',
      'Models in the loaded catalog.',
      () => catalog.size,
    );
    metrics.sampledCounter(
      'bedrock_gateway_key_source_refresh_failures_total',
      'Failed reads of the API keys from their source (the last good keys stay in use).',
      'source',
      () => [[keys.status.source, keys.refreshFailures]],
    );
  }
}
