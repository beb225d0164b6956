import type Redis from 'ioredis';
import { ApiError } from '../../common/errors/api-error';
import { ResponseStore, StoredResponse } from './response-store';

const PREFIX = 'bedrock-gateway:response:';

/** Redis down or unreachable: a 503 the client may retry (the cause goes to the log through the filter). */
const unavailable = (err: unknown) =>
  Object.assign(
    new ApiError(503, 'The response store (Redis) is unavailable; try again.', { code: 'store_unavailable' }),
    {
      cause: err,
    },
  );

/**
 * Responses kept in Redis (REDIS_URL, the Redis the rate limits use), one JSON value per response with the
 * store's TTL, so every replica can continue, read and delete any response. The owner check happens here
 * after the read: Redis holds no per-key index to leak.
 */
export class RedisResponseStore extends ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async put(record: StoredResponse): Promise<void> {
    try {
      await this.redis.set(PREFIX + record.response.id, JSON.stringify(record), 'PX', this.ttlMs);
    } catch (err) {
      throw unavailable(err);
    }
  }

  async get(id: string, owner: string): Promise<StoredResponse | undefined> {
    let json: string | null;
    try {
      json = await this.redis.get(PREFIX + id);
    } catch (err) {
      throw unavailable(err);
    }
    if (!json) return undefined;
    const record = JSON.parse(json) as StoredResponse;
    return record.owner === owner ? record : undefined;
  }

  async delete(id: string, owner: string): Promise<boolean> {
    if (!(await this.get(id, owner))) return false;
    try {
      return (await this.redis.del(PREFIX + id)) > 0;
    } catch (err) {
      throw unavailable(err);
    }
  }
}
