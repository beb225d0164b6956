import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module';
import { CatalogRefresher } from './catalog.refresher';
import { InferenceProfileDirectory } from './inference-profiles';
import { ModelCatalog } from './model-catalog';
import { ModelResolver } from './model.resolver';

@Module({
  imports: [HealthModule],
  providers: [InferenceProfileDirectory, ModelCatalog, CatalogRefresher, ModelResolver],
  exports: [InferenceProfileDirectory, ModelCatalog, ModelResolver],
})
export class CatalogModule {}
