import { Module } from '@nestjs/common';
import { AnthropicModule } from '../anthropic/anthropic.module';
import { CatalogModule } from '../catalog/catalog.module';
import { ModelsController } from './models.controller';

@Module({ imports: [CatalogModule, AnthropicModule], controllers: [ModelsController] })
export class ModelsModule {}
