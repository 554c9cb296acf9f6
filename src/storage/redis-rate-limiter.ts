import type { Redis } from 'ioredis';
import type { RateLimiter } from '../core/ports';
import { keys, type RedisKeys } from './redis-keys';

// One script so the counter and its expiry are set together: a crash between INCR and EXPIRE would
// otherwise leave a counter that never resets. A counter found without expiry is repaired the same way.
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;

/** Fixed-window counter per key and window length. */
export class RedisRateLimiter implements RateLimiter {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async hit(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
      throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
    }
    const reply = await this.redis.eval(HIT, 1, this.keys.rate(key, windowSeconds), windowSeconds * 1000);
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
      throw new Error(`unexpected rate limiter reply: ${JSON.stringify(reply)}`);
    }
    const [count, ttlMs] = reply as [number, number];
    return {
      allowed: count <= limit,
      retryAfterSeconds: Math.min(windowSeconds, Math.max(1, Math.ceil(ttlMs / 1000))),
    };
  }
}
