import { Global, Module } from '@nestjs/common';
import { InferenceProfileDirectory } from './inference-profiles';
import { ModelResolver } from './model.resolver';

@Global()
@Module({
  providers: [InferenceProfileDirectory, ModelResolver],
  exports: [InferenceProfileDirectory, ModelResolver],
})
export class CatalogModule {}
