import type { Redis } from 'ioredis';
import type { FeedbackStore, FeedbackValue } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

// Vietnam has no daylight saving time, so a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day in Asia/Ho_Chi_Minh as yyyymmdd, because staff read daily counts in local days. */
export const vietnamDay = (at: number): string =>
  new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');

export class RedisFeedbackStore implements FeedbackStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async record(topic: string, value: FeedbackValue, at: number): Promise<void> {
    const results = await this.redis
      .multi()
      .hincrby(this.keys.feedback(topic), value, 1)
      .hincrby(this.keys.feedbackDay(vietnamDay(at)), `${topic}:${value}`, 1)
      .exec();
    for (const [error] of results ?? []) if (error) throw error;
  }

  async totals(topic: string): Promise<Record<FeedbackValue, number>> {
    const [up, down] = await this.redis.hmget(this.keys.feedback(topic), 'up', 'down');
    return { up: Number(up ?? 0), down: Number(down ?? 0) };
  }
}
