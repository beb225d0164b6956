import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { ChatCompletionsService } from '../openai/chat/chat-completions.service';
import { SseInterceptor } from '../openai/chat/response/sse.interceptor';
import { ProvidersModule } from '../providers/providers.module';
import { UsageModule } from '../usage/usage.module';
import { ChatController } from './chat.controller';

/** POST /v1/chat/completions: the OpenAI chat dialect (src/openai/chat) behind a thin controller. */
@Module({
  imports: [ProvidersModule, MediaModule, UsageModule],
  controllers: [ChatController],
  providers: [ChatCompletionsService, SseInterceptor],
})
export class ChatModule {}
