import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { GATEWAY_CONFIG, GatewayConfig } from './gateway-config';

/**
 * Serves the configuration validated in main.ts (before any module runs) to every module: typed through
 * {@link GATEWAY_CONFIG}, and through Nest's ConfigService under the key `gateway`.
 */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      imports: [
        ConfigModule.forRoot({ ignoreEnvFile: true, isGlobal: true, load: [() => ({ gateway: config })] }),
      ],
      providers: [
        {
          provide: GATEWAY_CONFIG,
          inject: [ConfigService],
          useFactory: (c: ConfigService) => c.getOrThrow<GatewayConfig>('gateway'),
        },
      ],
      exports: [GATEWAY_CONFIG],
    };
  }
}
