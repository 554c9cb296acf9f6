import type { Redis } from 'ioredis';
import type { DedupeStore } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

export class RedisDedupeStore implements DedupeStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async firstTime(key: string, ttlSeconds: number): Promise<boolean> {
    // SET NX is atomic, so two processes receiving the same redelivery cannot both win.
    const set = await this.redis.set(this.keys.dedupe(key), '1', 'EX', ttlSeconds, 'NX');
    return set === 'OK';
  }
}
