import { Global, Module } from '@nestjs/common';
import { CatalogRefresher } from './catalog.refresher';
import { InferenceProfileDirectory } from './inference-profiles';
import { ModelCatalog } from './model-catalog';
import { ModelResolver } from './model.resolver';

@Global()
@Module({
  providers: [InferenceProfileDirectory, ModelCatalog, CatalogRefresher, ModelResolver],
  exports: [InferenceProfileDirectory, ModelCatalog, ModelResolver],
})
export class CatalogModule {}
