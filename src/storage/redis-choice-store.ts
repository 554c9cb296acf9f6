import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ChoiceStore } from '../core/ports';
import { buttonSchema } from '../core/reply';
import type { UserRef } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

const choicesSchema = z.array(buttonSchema).max(50);

/** Numbered options per resident, as JSON with the session's time to live. */
export class RedisChoiceStore implements ChoiceStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly ttlSeconds = 86_400,
  ) {
    this.keys = keys(prefix);
  }

  private key(user: UserRef): string {
    return this.keys.choices(user);
  }

  async save(user: UserRef, options: readonly { label: string; payload: string }[]): Promise<void> {
    if (options.length === 0) await this.redis.del(this.key(user));
    else await this.redis.set(this.key(user), JSON.stringify(options), 'EX', this.ttlSeconds);
  }

  async get(user: UserRef): Promise<{ label: string; payload: string }[] | undefined> {
    const raw = await this.redis.get(this.key(user));
    if (!raw) return undefined;
    try {
      const parsed = choicesSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
