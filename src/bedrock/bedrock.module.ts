import { BedrockClient as ControlPlaneClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { BedrockClient } from './bedrock-client';
import { SdkBedrockClient } from './sdk-bedrock-client';

/**
 * AWS clients, one instance each for the life of the process. The runtime client sits behind the
 * {@link BedrockClient} port; the control-plane client (model and inference-profile listing) is injected as is.
 */
@Global()
@Module({
  providers: [
    {
      provide: BedrockClient,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new SdkBedrockClient(
          new BedrockRuntimeClient({ region: config.region, maxAttempts: config.bedrockMaxAttempts }),
        ),
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
