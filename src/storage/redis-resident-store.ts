import type { Redis } from 'ioredis';
import type { ResidentState, ResidentStore } from '../core/ports';
import { parseStored, type Session, sessionSchema, type UserProfile, userProfileSchema } from '../core/state';
import { type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys, residentKeys } from './redis-keys';

export interface RedisResidentStoreOptions {
  /** idle time after which a conversation is forgotten; default one day */
  readonly sessionTtlSeconds?: number;
}

/**
 * Profiles never expire (a resident's choices stay until they delete them); sessions expire when idle.
 * One MGET reads both, one MULTI writes both: a turn costs two round trips to Redis.
 */
export class RedisResidentStore implements ResidentStore {
  private readonly keys: RedisKeys;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: RedisResidentStoreOptions = {},
  ) {
    this.keys = keys(prefix);
    this.ttlSeconds = options.sessionTtlSeconds ?? 86_400;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds < 1) {
      throw new RangeError(`sessionTtlSeconds must be a positive integer, got ${this.ttlSeconds}`);
    }
  }

  async load(user: UserRef): Promise<ResidentState> {
    const [rawProfile, rawSession] = await this.redis.mget(this.keys.user(user), this.keys.session(user));
    const profile = parseStored(userProfileSchema, rawProfile);
    return {
      // A profile stored under another user's key is as good as corrupt.
      profile: profile && userKey(profile.user) === userKey(user) ? profile : undefined,
      session: parseStored(sessionSchema, rawSession),
    };
  }

  async save(user: UserRef, next: { profile?: UserProfile; session: Session }): Promise<void> {
    const session = JSON.stringify(next.session);
    if (!next.profile) {
      await this.redis.set(this.keys.session(user), session, 'EX', this.ttlSeconds);
      return;
    }
    const results = await this.redis
      .multi()
      .set(this.keys.user(user), JSON.stringify(next.profile))
      .set(this.keys.session(user), session, 'EX', this.ttlSeconds)
      .exec();
    for (const [error] of results ?? []) if (error) throw error;
  }

  async delete(user: UserRef): Promise<void> {
    await this.redis.del(...residentKeys(this.prefix, user));
  }

  async markInactive(user: UserRef): Promise<void> {
    const key = this.keys.user(user);
    const profile = parseStored(userProfileSchema, await this.redis.get(key));
    // SET XX: a resident who deleted their data in the meantime is not brought back.
    if (profile?.active) await this.redis.set(key, JSON.stringify({ ...profile, active: false }), 'XX');
  }
}
