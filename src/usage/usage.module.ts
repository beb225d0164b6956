import { Module } from '@nestjs/common';
import { UsageInterceptor } from './usage.interceptor';
import { UsageRecorder } from './usage.recorder';
import { UsageTracker } from './usage.tracker';

@Module({
  providers: [UsageRecorder, UsageTracker, UsageInterceptor],
  exports: [UsageRecorder, UsageTracker, UsageInterceptor],
})
export class UsageModule {}
