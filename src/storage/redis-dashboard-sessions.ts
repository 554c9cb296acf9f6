import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  DASHBOARD_LINK_TTL_SECONDS,
  DASHBOARD_SESSION_TTL_SECONDS,
  type DashboardLinks,
  type DashboardSessions,
} from '../core/dashboard';
import { parseUserKey, type UserRef, userKey } from '../core/user';
import { keys, type RedisKeys } from './redis-keys';

const token = (): string => randomBytes(24).toString('base64url');
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * Login links and sessions of the staff dashboard. A link is a random nonce kept in Redis for
 * DASHBOARD_LINK_TTL_SECONDS and used once (GETDEL): guessing one is hopeless, a forwarded old link is
 * dead, and nothing has to be signed. A session is another random id behind an HttpOnly cookie; logging
 * out deletes it.
 */
export class RedisDashboardSessions implements DashboardLinks, DashboardSessions {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    /** PUBLIC_URL, or the local address in development */
    private readonly baseUrl: string,
  ) {
    this.keys = keys(prefix);
  }

  async issue(user: UserRef): Promise<string> {
    const nonce = token();
    await this.redis.set(this.keys.dashboardLink(nonce), userKey(user), 'EX', DASHBOARD_LINK_TTL_SECONDS);
    return `${this.baseUrl.replace(/\/+$/, '')}/dashboard/login?t=${nonce}`;
  }

  /** the staff member of a valid, unused link (now used up), or undefined */
  async redeem(nonce: string): Promise<UserRef | undefined> {
    if (!TOKEN.test(nonce)) return undefined;
    const key = await this.redis.getdel(this.keys.dashboardLink(nonce));
    return key ? parseUserKey(key) : undefined;
  }

  async open(user: UserRef): Promise<string> {
    const id = token();
    await this.redis.set(this.keys.dashboardSession(id), userKey(user), 'EX', DASHBOARD_SESSION_TTL_SECONDS);
    return id;
  }

  async session(id: string): Promise<UserRef | undefined> {
    if (!TOKEN.test(id)) return undefined;
    const key = await this.redis.get(this.keys.dashboardSession(id));
    return key ? parseUserKey(key) : undefined;
  }

  async close(id: string): Promise<void> {
    if (TOKEN.test(id)) await this.redis.del(this.keys.dashboardSession(id));
  }
}
