import { randomInt } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  INVITE_CODE_LENGTH as CODE_LENGTH,
  type Grant,
  grantSchema,
  normalizeInviteCode,
  type Role,
  type RoleBook,
  readableCode,
} from '../core/roles';
import { parseStored } from '../core/state';
import { parseUserKey, type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

export const INVITE_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Roles in one hash (`roles`: channel:id → grant), invite codes as expiring keys used once (GETDEL). */
export class RedisRoleStore implements RoleBook {
  private readonly keys: RedisKeys;
  private readonly admins: ReadonlySet<string>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    /** ADMIN_IDS as `channel:id` */
    admins: readonly string[],
  ) {
    this.keys = keys(prefix);
    this.admins = new Set(admins);
  }

  async of(user: UserRef): Promise<Role> {
    if (this.admins.has(userKey(user))) return { kind: 'admin' };
    const grant = parseStored(grantSchema, await this.redis.hget(this.keys.roles(), userKey(user)));
    return grant ?? { kind: 'resident' };
  }

  async grant(user: UserRef, grant: Grant): Promise<void> {
    await this.redis.hset(this.keys.roles(), userKey(user), JSON.stringify(grantSchema.parse(grant)));
  }

  async revoke(user: UserRef): Promise<boolean> {
    return (await this.redis.hdel(this.keys.roles(), userKey(user))) === 1;
  }

  async list(): Promise<{ user: UserRef; role: Role }[]> {
    const stored = await this.redis.hgetall(this.keys.roles());
    const granted = Object.entries(stored).flatMap(([key, raw]) => {
      const user = parseUserKey(key);
      const grant = parseStored(grantSchema, raw);
      return user && grant && !this.admins.has(key) ? [{ user, role: grant as Role }] : [];
    });
    const admins = [...this.admins].flatMap((key) => {
      const user = parseUserKey(key);
      return user ? [{ user, role: { kind: 'admin' } as Role }] : [];
    });
    return [...admins, ...granted];
  }

  async invite(village: string): Promise<string> {
    for (;;) {
      const code = readableCode(CODE_LENGTH, randomInt);
      const set = await this.redis.set(this.keys.invite(code), village, 'EX', INVITE_TTL_SECONDS, 'NX');
      if (set === 'OK') return code;
    }
  }

  async redeem(code: string): Promise<string | undefined> {
    const normal = normalizeInviteCode(code);
    if (!normal) return undefined;
    return (await this.redis.getdel(this.keys.invite(normal))) ?? undefined;
  }
}
