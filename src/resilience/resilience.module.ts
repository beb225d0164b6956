import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LimitsModule } from '../limits/limits.module';
import { FallbackRunner } from './fallback-runner';

/** Fallback chains within a request deadline, for the middle every dialect calls. */
@Module({ imports: [AuthModule, LimitsModule], providers: [FallbackRunner], exports: [FallbackRunner] })
export class ResilienceModule {}
