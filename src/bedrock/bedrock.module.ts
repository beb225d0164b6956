import { BedrockClient as ControlPlaneClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { InstrumentedBedrockClient } from '../metrics/instrumented-bedrock-client';
import { ModelLabels } from '../metrics/model-labels';
import { GATEWAY_TRACING, GatewayTracing } from '../tracing/gateway-tracing';
import { BedrockClient } from './bedrock-client';
import { createLeanBedrockClient } from './lean/lean-bedrock-client.factory';
import { SdkBedrockClient } from './sdk-bedrock-client';
import { tunedRequestHandler } from './sdk-request-handler';

/** The runtime transport chosen by BEDROCK_TRANSPORT; both implement the same port and pass the same e2e suite. */
async function transport(
  config: GatewayConfig,
  onRetry: ((operation: string) => void) | undefined,
): Promise<BedrockClient> {
  if (config.bedrockTransport === 'lean') {
    return createLeanBedrockClient({
      region: config.region,
      maxAttempts: config.bedrockMaxAttempts,
      maxConnections: config.bedrockMaxConnections,
      onRetry,
    });
  }
  return new SdkBedrockClient(
    new BedrockRuntimeClient({
      region: config.region,
      maxAttempts: config.bedrockMaxAttempts,
      requestHandler: tunedRequestHandler(config.bedrockMaxConnections),
    }),
    onRetry,
  );
}

/** The transport, observed (metrics, the request's Bedrock time, client spans) behind the same port. */
async function runtimeClient(
  config: GatewayConfig,
  metrics: GatewayMetrics | null,
  labels: ModelLabels,
  tracing: GatewayTracing | null,
): Promise<BedrockClient> {
  const inner = await transport(config, metrics ? (op) => metrics.bedrockRetry(op) : undefined);
  return new InstrumentedBedrockClient(inner, metrics, labels, tracing, config.tracing.captureContent);
}

/**
 * AWS clients, one instance each for the life of the process. The runtime client sits behind the
 * {@link BedrockClient} port; the control-plane client (model and inference-profile listing) is injected as is.
 */
@Global()
@Module({
  providers: [
    {
      provide: BedrockClient,
      inject: [GATEWAY_CONFIG, GatewayMetrics, ModelLabels, GATEWAY_TRACING],
      useFactory: runtimeClient,
    },
    {
      provide: ControlPlaneClient,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => new ControlPlaneClient({ region: config.region }),
    },
  ],
  exports: [BedrockClient, ControlPlaneClient],
})
export class BedrockModule implements OnApplicationShutdown {
  constructor(
    @Inject(BedrockClient) private readonly runtime: BedrockClient,
    @Inject(ControlPlaneClient) private readonly control: ControlPlaneClient,
  ) {}

  onApplicationShutdown(): void {
    this.runtime.destroy();
    this.control.destroy();
  }
}
