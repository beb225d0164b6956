import { Module } from '@nestjs/common';
import { EmbeddingsController } from './embeddings.controller';
import { EmbeddingsService } from './embeddings.service';

@Module({ controllers: [EmbeddingsController], providers: [EmbeddingsService] })
export class EmbeddingsModule {}
