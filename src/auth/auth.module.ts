import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { HealthModule } from '../health/health.module';
import { ApiKeyGuard, AUTH_FAILURE_LIMITER } from './api-key.guard';
import { ApiKeyStore } from './api-key.store';
import { InProcessAuthFailureLimiter } from './auth-failure.throttle';

@Module({
  imports: [HealthModule],
  providers: [
    ApiKeyStore,
    {
      provide: AUTH_FAILURE_LIMITER,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new InProcessAuthFailureLimiter(config.authFailures.limit, config.authFailures.windowMs),
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyStore, AUTH_FAILURE_LIMITER],
})
export class AuthModule {}
