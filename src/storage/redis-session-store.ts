import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { FlowState, Session, SessionStore } from '../core/ports';
import type { UserRef } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

const flowStateSchema: z.ZodType<FlowState> = z.object({
  flow: z.string(),
  step: z.number().int().nonnegative(),
  data: z.record(z.string(), z.string()),
  expiresAt: z.number(),
});

export const sessionSchema: z.ZodType<Session> = z.object({
  flow: flowStateSchema.optional(),
  misses: z.number().int().nonnegative(),
  lastTopic: z.string().optional(),
  confirmDeleteUntil: z.number().optional(),
  rated: z.array(z.string()).max(100).optional(),
});

export interface RedisSessionStoreOptions {
  /** idle time after which a conversation is forgotten */
  readonly ttlSeconds?: number;
}

export class RedisSessionStore implements SessionStore {
  private readonly keys: RedisKeys;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    options: RedisSessionStoreOptions = {},
  ) {
    this.keys = keys(prefix);
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds < 1) {
      throw new RangeError(`ttlSeconds must be a positive integer, got ${this.ttlSeconds}`);
    }
  }

  async get(user: UserRef): Promise<Session | undefined> {
    return parseStored(await this.redis.get(this.keys.session(user)));
  }

  async save(user: UserRef, session: Session): Promise<void> {
    await this.redis.set(this.keys.session(user), JSON.stringify(session), 'EX', this.ttlSeconds);
  }

  async delete(user: UserRef): Promise<void> {
    await this.redis.del(this.keys.session(user));
  }
}

/** A corrupt or outdated session reads as "no session": the conversation starts fresh instead of failing. */
function parseStored(raw: string | null): Session | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
