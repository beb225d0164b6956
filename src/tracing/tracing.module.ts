import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { GATEWAY_TRACING, GatewayTracing } from './gateway-tracing';

/**
 * Provides {@link GATEWAY_TRACING}: the OpenTelemetry implementation when tracing is configured, else null.
 * The SDK is loaded with a dynamic import only in the first case, so a gateway without tracing never loads it.
 */
@Global()
@Module({
  providers: [
    {
      provide: GATEWAY_TRACING,
      inject: [GATEWAY_CONFIG],
      useFactory: async (config: GatewayConfig): Promise<GatewayTracing | null> => {
        if (!config.tracing.enabled) return null;
        const { OtelTracing } = await import('./otel-tracing');
        return OtelTracing.start(config.tracing.serviceName);
      },
    },
  ],
  exports: [GATEWAY_TRACING],
})
export class TracingModule implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_TRACING) private readonly tracing: GatewayTracing | null) {}

  /** Sends the spans still buffered. */
  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown();
  }
}
