import { Module } from '@nestjs/common';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { MediaService } from './media/media.service';

@Module({ controllers: [ChatController], providers: [ChatService, MediaService] })
export class ChatModule {}
