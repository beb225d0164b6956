import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ModelsController } from './models.controller';

@Module({ imports: [CatalogModule], controllers: [ModelsController] })
export class ModelsModule {}
