import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimit, RateLimiter, RateVerdict } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

/**
 * A sliding log per limit: a sorted set of the allowed hits of the last window, scored by Redis time in
 * ms. A fixed window would let twice the limit through around a window's end; this never allows more
 * than `limit` hits in any stretch of `window` ms. Refused hits are not logged, so a set holds at most
 * `limit` entries, and it expires one window after its latest hit.
 *
 * All limits are checked before any is counted, in one script (one round trip, nothing in between).
 * KEYS: one set per limit. ARGV[1]: a member unique to this hit; then limit and window (ms) per key.
 * Returns {0, 0} when allowed, or {index of the refusing key (1-based), ms until it allows a hit}.
 * A key left by the former fixed-window counter (a string) is replaced.
 */
const HIT_ALL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #KEYS do
  local key = KEYS[i]
  local limit = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local kind = redis.call('TYPE', key)['ok']
  if kind ~= 'zset' and kind ~= 'none' then redis.call('DEL', key) end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local n = redis.call('ZCARD', key)
  if n >= limit then
    local freed = redis.call('ZRANGE', key, n - limit, n - limit, 'WITHSCORES')
    return {i, tonumber(freed[2]) + window - now}
  end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], ARGV[2 * i + 1])
end
return {0, 0}
`;

const COMMAND = 'dvcRateHitAll';

type HitAllCommand = (numberOfKeys: number, ...keysThenArgs: (string | number)[]) => Promise<unknown>;

/** Sliding-window rate limits in Redis (see HIT_ALL). */
export class RedisRateLimiter implements RateLimiter {
  private readonly keys: RedisKeys;
  private readonly command: HitAllCommand;

  constructor(redis: Redis, prefix: string) {
    this.keys = keys(prefix);
    // ioredis sends EVALSHA, and the script itself only when Redis does not know it yet.
    redis.defineCommand(COMMAND, { lua: HIT_ALL });
    const command = (redis as unknown as Record<string, HitAllCommand>)[COMMAND];
    if (!command) throw new Error('ioredis did not define the rate limiter script');
    this.command = command.bind(redis);
  }

  async hitAll(limits: readonly RateLimit[]): Promise<RateVerdict> {
    if (limits.length === 0) return { allowed: true };
    for (const l of limits) {
      if (!Number.isInteger(l.windowSeconds) || l.windowSeconds < 1) {
        throw new RangeError(`windowSeconds must be a positive integer, got ${l.windowSeconds}`);
      }
      if (!Number.isInteger(l.limit) || l.limit < 1) {
        throw new RangeError(`limit must be a positive integer, got ${l.limit}`);
      }
    }
    const redisKeys = limits.map((l) => this.keys.rate(l.key, l.windowSeconds));
    const args = limits.flatMap((l) => [l.limit, l.windowSeconds * 1000]);
    const reply = await this.command(
      limits.length,
      ...redisKeys,
      randomBytes(9).toString('base64url'),
      ...args,
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error(`unexpected rate limiter reply: ${JSON.stringify(reply)}`);
    }
    const [index, waitMs] = reply as [number, number];
    if (index === 0) return { allowed: true };
    const refused = limits[index - 1];
    if (!refused) throw new Error(`rate limiter refused an unknown limit: ${index}`);
    return {
      allowed: false,
      key: refused.key,
      retryAfterSeconds: Math.min(refused.windowSeconds, Math.max(1, Math.ceil(waitMs / 1000))),
    };
  }

  async hit(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const verdict = await this.hitAll([{ key, limit, windowSeconds }]);
    return verdict.allowed
      ? { allowed: true, retryAfterSeconds: 0 }
      : { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds };
  }
}
