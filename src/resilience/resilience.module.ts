import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FallbackRunner } from './fallback-runner';

/** Fallback chains within a request deadline, for every route that calls a model. */
@Global()
@Module({ imports: [AuthModule], providers: [FallbackRunner], exports: [FallbackRunner] })
export class ResilienceModule {}
