import type { Redis } from 'ioredis';
import type { SkippedUpdates } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

/** A reason is a short counter name; anything longer is cut (a hash field per reason). */
const REASON_LENGTH = 80;

/** Updates received and not acted on, per channel and reason, in one hash per channel (kept). */
export class RedisSkippedUpdates implements SkippedUpdates {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async count(channel: string, reason: string): Promise<void> {
    await this.redis.hincrby(this.keys.skippedUpdates(channel), reason.slice(0, REASON_LENGTH), 1);
  }

  async counts(channel: string): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys.skippedUpdates(channel));
    return Object.fromEntries(Object.entries(raw).map(([reason, n]) => [reason, Number(n)]));
  }
}
