import type { Redis } from 'ioredis';
import type { FeedbackStore, FeedbackValue } from '../core/ports';
import { vietnamDay } from '../core/vietnam-day';
import { keys, type RedisKeys } from './redis-keys';

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
