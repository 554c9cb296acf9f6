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

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // SET NX is atomic, so two processes receiving the same redelivery cannot both win.
    return (await this.redis.set(this.keys.dedupe(key), 'handling', 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async confirm(key: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.dedupe(key), 'done', 'EX', ttlSeconds);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.keys.dedupe(key));
  }
}
