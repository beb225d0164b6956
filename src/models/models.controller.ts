import { Controller, Get, Headers, Param } from '@nestjs/common';
import {
  AnthropicModel,
  anthropicModelPage,
  AnthropicModelPage,
  anthropicModels,
} from '../anthropic/models/anthropic-model-list';
import { AnthropicModelNames } from '../anthropic/model-names/anthropic-model-names';
import { ModelCatalog } from '../catalog/model-catalog';
import { modelNotFound } from '../catalog/model-errors';
import type { OpenAIModel, OpenAIModelList } from '../catalog/model-listing';

/**
 * GET /v1/models and GET /v1/models/{model} (also under API_ROUTE_PREFIX), answered from memory: clients
 * such as Open WebUI poll the list often, and it must never cost a Bedrock call. A request carrying
 * `anthropic-version` (the Anthropic SDKs always send it) gets Anthropic's shape and names.
 */
@Controller('models')
export class ModelsController {
  constructor(
    private readonly catalog: ModelCatalog,
    private readonly anthropicNames: AnthropicModelNames,
  ) {}

  @Get()
  list(@Headers('anthropic-version') anthropic: string | undefined): OpenAIModelList | AnthropicModelPage {
    if (anthropic !== undefined)
      return anthropicModelPage(anthropicModels(this.anthropicNames, this.catalog));
    return this.catalog.list();
  }

  /**
   * A wildcard rather than `:model`: ids such as application-profile ARNs contain `/`, which clients send
   * either encoded (`%2F`, as the openai SDK does) or raw; the wildcard takes both, and Fastify decodes it.
   */
  @Get('*')
  retrieve(
    @Param('*') model: string,
    @Headers('anthropic-version') anthropic: string | undefined,
  ): OpenAIModel | AnthropicModel {
    const found =
      anthropic !== undefined
        ? anthropicModels(this.anthropicNames, this.catalog).find((m) => m.id === model)
        : this.catalog.retrieve(model);
    if (!found) throw modelNotFound(model);
    return found;
  }
}
