import { Global, Module } from '@nestjs/common';
import { UsageInterceptor } from './usage.interceptor';
import { UsageRecorder } from './usage.recorder';

@Global()
@Module({ providers: [UsageRecorder, UsageInterceptor], exports: [UsageRecorder, UsageInterceptor] })
export class UsageModule {}
