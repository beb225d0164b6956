import { Module } from '@nestjs/common';
import { AnthropicModule } from '../anthropic/anthropic.module';
import { MediaModule } from '../media/media.module';
import { ProvidersModule } from '../providers/providers.module';
import { UsageModule } from '../usage/usage.module';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

/** POST /v1/messages and /v1/messages/count_tokens: the Anthropic dialect (src/anthropic) behind a thin controller. */
@Module({
  imports: [AnthropicModule, ProvidersModule, MediaModule, UsageModule],
  controllers: [MessagesController],
  providers: [MessagesService],
})
export class MessagesModule {}
