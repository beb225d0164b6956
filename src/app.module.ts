import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { BedrockModule } from './bedrock/bedrock.module';
import { CatalogModule } from './catalog/catalog.module';
import { ChatModule } from './chat/chat.module';
import { CompletionsModule } from './completions/completions.module';
import { EmbeddingsModule } from './embeddings/embeddings.module';
import { OpenAIExceptionFilter } from './common/filters/openai-exception.filter';
import { GatewayConfigModule } from './config/config.module';
import type { GatewayConfig } from './config/gateway-config';
import { HealthModule } from './health/health.module';
import { LimitsModule } from './limits/limits.module';
import { MetricsModule } from './metrics/metrics.module';
import { MessagesModule } from './messages/messages.module';
import { ModelsModule } from './models/models.module';
import { ProvidersModule } from './providers/providers.module';
import { ResilienceModule } from './resilience/resilience.module';
import { TracingModule } from './tracing/tracing.module';
import { ResponsesModule } from './responses/responses.module';
import { UsageModule } from './usage/usage.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        HealthModule,
        TracingModule,
        AuthModule,
        MetricsModule,
        BedrockModule,
        CatalogModule,
        ProvidersModule,
        UsageModule,
        LimitsModule,
        ResilienceModule,
        ChatModule,
        CompletionsModule,
        MessagesModule,
        ModelsModule,
        EmbeddingsModule,
        ResponsesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: OpenAIExceptionFilter }],
    };
  }
}
