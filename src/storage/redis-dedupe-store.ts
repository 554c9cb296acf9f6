import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Claim, DedupeStore } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

const DONE = 'done';

/** Deletes KEYS[1] only while it still holds ARGV[1]. */
const RELEASE_IF_OURS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const COMMAND = 'dvcReleaseClaim';
type ReleaseCommand = (key: string, token: string) => Promise<unknown>;

export class RedisDedupeStore implements DedupeStore {
  private readonly keys: RedisKeys;
  private readonly releaseIfOurs: ReleaseCommand;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
    redis.defineCommand(COMMAND, { lua: RELEASE_IF_OURS, numberOfKeys: 1 });
    const command = (redis as unknown as Record<string, ReleaseCommand>)[COMMAND];
    if (!command) throw new Error('ioredis did not define the release script');
    this.releaseIfOurs = command.bind(redis);
  }

  async claim(key: string, ttlSeconds: number): Promise<Claim> {
    const redisKey = this.keys.dedupe(key);
    const token = `handling:${randomBytes(9).toString('base64url')}`;
    let previous: string | null;
    try {
      // SET NX GET is atomic: two processes receiving the same redelivery cannot both win, and the
      // loser learns whether the update was already handled or is being handled.
      previous = (await this.redis.call('SET', redisKey, token, 'EX', ttlSeconds, 'NX', 'GET')) as
        | string
        | null;
    } catch (err) {
      // A timed-out SET may still run once a frozen Redis wakes up; this release is queued right behind
      // it on the same connection, so such a late claim does not hold the update for its whole TTL.
      this.releaseIfOurs(redisKey, token).catch(() => undefined);
      throw err;
    }
    if (previous === null) return { state: 'claimed', token };
    return previous === DONE ? { state: 'done' } : { state: 'busy' };
  }

  async confirm(key: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.dedupe(key), DONE, 'EX', ttlSeconds);
  }

  async release(key: string, token: string): Promise<void> {
    await this.releaseIfOurs(this.keys.dedupe(key), token);
  }
}
