import type { Redis } from 'ioredis';
import type { ResidentState, ResidentStore } from '../core/ports';
import { parseStored, type Session, sessionSchema, type UserProfile, userProfileSchema } from '../core/state';
import { type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys, residentKeys } from './redis-keys';

// Profile and session in one command: a turn costs one round trip to read and one to write. The
// resident also moves between the village lists that announcements go to (ARGV[4] .. village .. ':' ..
// channel): out of the old profile's list, into the new one's ('' = none: no village, stopped, blocked).
const SAVE_BOTH = `
local old = redis.call('GET', KEYS[1])
if old then
  local ok, p = pcall(cjson.decode, old)
  if ok and type(p) == 'table' and type(p.village) == 'string' then
    redis.call('SREM', ARGV[4] .. p.village .. ':' .. ARGV[5], ARGV[6])
  end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
if ARGV[7] ~= '' then redis.call('SADD', ARGV[4] .. ARGV[7] .. ':' .. ARGV[5], ARGV[6]) end
return 1
`;

/** The village whose announcements this profile receives, if any. */
export function listeningVillage(profile: UserProfile): string {
  return profile.village && profile.active && profile.subscribed !== false ? profile.village : '';
}

type ScriptedRedis = Redis & {
  dvcSaveResident(
    userKey: string,
    sessionKey: string,
    profile: string,
    session: string,
    ttl: number,
    villagePrefix: string,
    channel: string,
    id: string,
    village: string,
  ): Promise<number>;
};

export interface RedisResidentStoreOptions {
  /** idle time after which a conversation is forgotten; default one day */
  readonly sessionTtlSeconds?: number;
  /**
   * Data of the resident's kept elsewhere (reminders, requests), deleted before their own keys: a
   * feature's store that names the resident registers its deletion here.
   */
  readonly alsoDelete?: readonly ((user: UserRef) => Promise<void>)[];
}

/**
 * Someone who has not finished the first step (no profile yet) is kept only this long: their first
 * question waits for the village answer, and a flood of one-message visitors leaves nothing behind.
 */
export const PENDING_SESSION_SECONDS = 30 * 60;

/**
 * Profiles never expire (a resident's choices stay until they delete them); sessions expire when idle.
 * One MGET reads both, one script writes both: a turn costs two commands to Redis.
 */
export class RedisResidentStore implements ResidentStore {
  private readonly keys: RedisKeys;
  private readonly ttlSeconds: number;
  private readonly alsoDelete: readonly ((user: UserRef) => Promise<void>)[];

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: RedisResidentStoreOptions = {},
  ) {
    this.keys = keys(prefix);
    // EVALSHA after the first call (ioredis loads the script on NOSCRIPT by itself).
    if (!('dvcSaveResident' in redis))
      redis.defineCommand('dvcSaveResident', { numberOfKeys: 2, lua: SAVE_BOTH });
    this.ttlSeconds = options.sessionTtlSeconds ?? 86_400;
    this.alsoDelete = options.alsoDelete ?? [];
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
      const ttl = Math.min(this.ttlSeconds, PENDING_SESSION_SECONDS);
      await this.redis.set(this.keys.session(user), session, 'EX', ttl);
      return;
    }
    await (this.redis as ScriptedRedis).dvcSaveResident(
      this.keys.user(user),
      this.keys.session(user),
      JSON.stringify(next.profile),
      session,
      this.ttlSeconds,
      this.keys.villageMembers('', ''),
      user.channel,
      user.id,
      listeningVillage(next.profile),
    );
  }

  async delete(user: UserRef): Promise<void> {
    for (const remove of this.alsoDelete) await remove(user);
    const profile = parseStored(userProfileSchema, await this.redis.get(this.keys.user(user)));
    // The keys go now; their old values leave Redis's append-only file at the next rewrite.
    await this.redis
      .multi()
      .srem(this.keys.villageMembers(profile?.village ?? '', user.channel), user.id)
      .del(...residentKeys(this.prefix, user))
      .set(this.keys.aofRewriteDue(), '1')
      .exec();
  }

  async markInactive(user: UserRef): Promise<void> {
    const key = this.keys.user(user);
    const profile = parseStored(userProfileSchema, await this.redis.get(key));
    // SET XX: a resident who deleted their data in the meantime is not brought back.
    if (!profile?.active) return;
    await this.redis
      .multi()
      .set(key, JSON.stringify({ ...profile, active: false }), 'XX')
      .srem(this.keys.villageMembers(profile.village ?? '', user.channel), user.id)
      .exec();
  }
}
