import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { GatewayMetrics } from './gateway-metrics';
import { MetricsServer } from './metrics.server';
import { MetricsSources } from './metrics.sources';
import { ModelLabels } from './model-labels';
import { RequestReporter } from './request-reporter';

/**
 * Prometheus metrics and the per-request report. `GatewayMetrics` is null when METRICS_PORT is 0: nothing is
 * recorded then, while the request log line and the processing-time header still work.
 */
@Global()
@Module({
  imports: [AuthModule, CatalogModule],
  providers: [
    {
      provide: GatewayMetrics,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => (config.metrics.port > 0 ? new GatewayMetrics() : null),
    },
    ModelLabels,
    RequestReporter,
    MetricsServer,
    MetricsSources,
  ],
  exports: [GatewayMetrics, ModelLabels, RequestReporter, MetricsServer],
})
export class MetricsModule {}
