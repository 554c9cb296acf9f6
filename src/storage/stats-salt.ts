import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { keys } from './redis-keys';

/**
 * STATS_SALT when it is set; otherwise one random salt kept in Redis (outside the statistics keys), so
 * every process and restart counts a person alike. Set STATS_SALT in production: a salt stored beside
 * the counts protects less.
 */
export async function statsSalt(
  redis: Redis,
  prefix: string,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  const key = keys(prefix).statsSalt();
  await redis.set(key, randomBytes(24).toString('base64url'), 'NX');
  const salt = await redis.get(key);
  if (!salt) throw new Error('could not read the statistics salt from Redis');
  return salt;
}
