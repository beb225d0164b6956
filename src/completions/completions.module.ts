import { Module } from '@nestjs/common';
import { CompletionsService } from '../openai/completions/completions.service';
import { SseInterceptor } from '../openai/chat/response/sse.interceptor';
import { ProvidersModule } from '../providers/providers.module';
import { UsageModule } from '../usage/usage.module';
import { CompletionsController } from './completions.controller';

/** POST /v1/completions: the OpenAI legacy completions dialect (src/openai/completions). */
@Module({
  imports: [ProvidersModule, UsageModule],
  controllers: [CompletionsController],
  providers: [CompletionsService, SseInterceptor],
})
export class CompletionsModule {}
