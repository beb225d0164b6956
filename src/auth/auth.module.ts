import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { HealthModule } from '../health/health.module';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyStore } from './api-key.store';

@Module({
  imports: [HealthModule],
  providers: [ApiKeyStore, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeyStore],
})
export class AuthModule {}
