/**
 * Automatic persisted queries shared by every replica: Apollo Server's KeyValueCache, with this
 * process's bounded cache in front and Redis behind it (`<prefix>apq:<hash>`, kept APQ_TTL_SECONDS
 * after it was last registered). A hash registered through one replica is served by any other from the
 * hash alone. While Redis is down the local cache answers alone, as it does without Redis.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { SharedStateConnection } from './connection';

export class SharedPersistedQueries implements KeyValueCache<string> {
  constructor(
    private readonly connection: SharedStateConnection,
    private readonly local: KeyValueCache<string>,
    private readonly ttlSeconds: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const known = await this.local.get(key);
    if (known !== undefined) return known;
    const shared = await this.connection.run((redis) => redis.get(apqKey(key)));
    if (typeof shared !== 'string') return undefined;
    await this.local.set(key, shared);
    return shared;
  }

  /**
   * Kept here and sent to Redis at once: Apollo Server does not wait for this, but the command is
   * written before the registering request's answer, so the client's next request, whichever replica it
   * reaches, finds the query (unless the command failed: then only this replica has it).
   */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = Math.max(1, Math.ceil(options?.ttl ?? this.ttlSeconds));
    const shared = this.connection.run((redis) => redis.set(apqKey(key), value, 'EX', ttl));
    await Promise.all([this.local.set(key, value, options), shared]);
  }

  async delete(key: string): Promise<boolean | void> {
    await this.connection.run((redis) => redis.del(apqKey(key)));
    return this.local.delete(key);
  }
}

function apqKey(key: string): string {
  return `apq:${key}`;
}
