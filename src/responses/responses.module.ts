import { Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { MediaModule } from '../media/media.module';
import { ProvidersModule } from '../providers/providers.module';
import { UsageModule } from '../usage/usage.module';
import { deriveSealKey, ReasoningSealer } from '../openai/responses/reasoning/reasoning-sealer';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from '../openai/responses/responses.service';
import { MemoryResponseStore } from './store/memory-response.store';
import { RedisResponseStore } from './store/redis-response.store';
import { ResponseStore } from './store/response-store';
import { ResponsesSseInterceptor } from '../openai/responses/stream/responses-sse.interceptor';

/** The store's Redis connection, if there is one: its errors logged (at most every 30 s), closed at shutdown. */
class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Responses');
  private loggedAt = 0;

  constructor(readonly client: Redis | undefined) {
    // ioredis reconnects by itself; without a listener each failed attempt would be an unhandled 'error'.
    client?.on('error', (err: Error) => {
      if (Date.now() - this.loggedAt < 30_000) return;
      this.loggedAt = Date.now();
      this.logger.warn({ msg: 'Redis (stored responses) unreachable', error: err.message });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}

function sealer(config: GatewayConfig): ReasoningSealer {
  if (config.responses.encryptionKey)
    return new ReasoningSealer(deriveSealKey(config.responses.encryptionKey));
  new Logger('Responses').warn(
    'RESPONSES_ENCRYPTION_KEY is not set: reasoning sealed by this process cannot be read after a restart or by another replica.',
  );
  return ReasoningSealer.withRandomKey();
}

@Module({
  imports: [ProvidersModule, MediaModule, UsageModule],
  controllers: [ResponsesController],
  providers: [
    ResponsesService,
    ResponsesSseInterceptor,
    { provide: ReasoningSealer, inject: [GATEWAY_CONFIG], useFactory: sealer },
    {
      provide: RedisConnection,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new RedisConnection(
          config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined,
        ),
    },
    {
      provide: ResponseStore,
      inject: [GATEWAY_CONFIG, RedisConnection],
      useFactory: (config: GatewayConfig, redis: RedisConnection): ResponseStore =>
        redis.client
          ? new RedisResponseStore(redis.client, config.responses.storeTtlMs)
          : new MemoryResponseStore({
              maxEntries: config.responses.storeMaxEntries,
              maxBytes: config.responses.storeMaxBytes,
              ttlMs: config.responses.storeTtlMs,
            }),
    },
  ],
})
export class ResponsesModule {}
