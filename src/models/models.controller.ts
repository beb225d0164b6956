import { Controller, Get, Param } from '@nestjs/common';
import { ModelCatalog } from '../catalog/model-catalog';
import { modelNotFound } from '../catalog/model-errors';
import type { OpenAIModel, OpenAIModelList } from '../catalog/model-listing';

/**
 * GET /v1/models and GET /v1/models/{model} (also under API_ROUTE_PREFIX), answered from memory: clients
 * such as Open WebUI poll the list often, and it must never cost a Bedrock call.
 */
@Controller('models')
export class ModelsController {
  constructor(private readonly catalog: ModelCatalog) {}

  @Get()
  list(): OpenAIModelList {
    return this.catalog.list();
  }

  /**
   * A wildcard rather than `:model`: ids such as application-profile ARNs contain `/`, which clients send
   * either encoded (`%2F`, as the openai SDK does) or raw; the wildcard takes both, and Fastify decodes it.
   */
  @Get('*')
  retrieve(@Param('*') model: string): OpenAIModel {
    const found = this.catalog.retrieve(model);
    if (!found) throw modelNotFound(model);
    return found;
  }
}
