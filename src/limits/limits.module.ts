import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UsageModule } from '../usage/usage.module';
import { LimitsInterceptor } from './limits.interceptor';
import { LimitsStats } from './limits.stats';
import { RateLimiter } from './rate-limiter';

/** Per-key limits and the global in-flight cap, applied around every model route; counters for metrics. */
@Module({
  imports: [UsageModule],
  providers: [LimitsStats, RateLimiter, { provide: APP_INTERCEPTOR, useClass: LimitsInterceptor }],
  exports: [LimitsStats, RateLimiter],
})
export class LimitsModule {}
