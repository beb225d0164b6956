import { Module } from '@nestjs/common';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { MediaService } from './media/media.service';
import { SseInterceptor } from './stream/sse.interceptor';

@Module({ controllers: [ChatController], providers: [ChatService, MediaService, SseInterceptor] })
export class ChatModule {}
