import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { UserProfile, UserStore } from '../core/ports';
import { LOCALES, type UserRef, userKey, userRefSchema } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

export const userProfileSchema: z.ZodType<UserProfile> = z.object({
  user: userRefSchema,
  village: z.string().optional(),
  locale: z.enum(LOCALES),
  consentAt: z.number().optional(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  active: z.boolean(),
});

/** Profiles never expire: a resident's choices stay until they delete them. */
export class RedisUserStore implements UserStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async get(user: UserRef): Promise<UserProfile | undefined> {
    const raw = await this.redis.get(this.keys.user(user));
    const profile = parseStored(raw);
    // A profile stored under another user's key is as good as corrupt.
    return profile && userKey(profile.user) === userKey(user) ? profile : undefined;
  }

  async save(profile: UserProfile): Promise<void> {
    await this.redis.set(this.keys.user(profile.user), JSON.stringify(profile));
  }

  async delete(user: UserRef): Promise<void> {
    const results = await this.redis.multi().del(this.keys.user(user)).del(this.keys.session(user)).exec();
    for (const [error] of results ?? []) if (error) throw error;
  }
}

/** A corrupt or outdated value reads as "no profile", so the resident is simply onboarded again. */
function parseStored(raw: string | null): UserProfile | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = userProfileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
