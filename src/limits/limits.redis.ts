import type { Redis } from 'ioredis';

/**
 * The limiter's own Redis connection. Its settings differ from a data store's on purpose: a request must
 * never wait on a Redis that is down, so commands fail at once while disconnected (no offline queue) and
 * after `commandTimeout` when Redis hangs; the limiter then applies RATE_LIMIT_FAIL_MODE. ioredis keeps
 * reconnecting in the background, and the limits apply again as soon as it is back.
 */
export async function limitsRedis(url: string, onError: (err: Error) => void): Promise<Redis> {
  // Loaded only when REDIS_URL is set: ioredis costs start-up time a gateway without Redis does not need.
  const { default: RedisClient } = await import('ioredis');
  const redis = new RedisClient(url, {
    connectionName: 'bedrock-gateway-limits',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    // No auto-pipelining: the store already sends one script call per key name and event-loop turn, and
    // ioredis's pipelines resend a script's whole source (EVAL) where a direct call sends its SHA (EVALSHA).
    enableAutoPipelining: false,
  });
  redis.on('error', onError);
  return redis;
}

/** Resolves once connected, or after `ms` (the gateway serves meanwhile, in the configured fail mode). */
export function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
