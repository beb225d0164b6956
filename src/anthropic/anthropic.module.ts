import { Global, Module } from '@nestjs/common';
import { AnthropicModelNames } from './model-names/anthropic-model-names';

/** The Anthropic dialect's shared pieces (model names), for the Messages routes and the model list. */
@Global()
@Module({ providers: [AnthropicModelNames], exports: [AnthropicModelNames] })
export class AnthropicModule {}
