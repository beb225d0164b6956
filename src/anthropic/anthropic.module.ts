import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AnthropicModelNames } from './model-names/anthropic-model-names';

/** The Anthropic dialect's shared pieces (model names), for the Messages routes and the model list. */
@Module({ imports: [CatalogModule], providers: [AnthropicModelNames], exports: [AnthropicModelNames] })
export class AnthropicModule {}
