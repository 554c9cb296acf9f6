import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createLogger } from '../../src/logger';
import { RedisUsageLog } from '../../src/storage/redis-usage-log';
import { deleteKeys } from './redis-cleanup';

export const TEST_SALT = 'usage-test-salt-0123456789';
/**
 * Long enough that the fixed 2026 dates of these tests are not already expired when they run (a day's
 * keys get EXPIREAT retention days after the day; one in the past deletes the key at once).
 */
export const LONG_RETENTION = 3660;

/** Numbers from a seed, so a failing case is the same case when run again. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Usage logs on the test Redis under private prefixes, and their keys deleted at the end. */
export function usageLogs() {
  const clients: Redis[] = [];
  const prefixes: string[] = [];
  const client = () => {
    const redis = new Redis(inject('redisUrl'));
    clients.push(redis);
    return redis;
  };
  const main = client();
  return {
    redis: main,
    /** a new prefix, and `connections` logs on it (each on its own connection, as separate processes) */
    open(retentionDays = LONG_RETENTION, connections = 1) {
      const prefix = `usage-test${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
      prefixes.push(prefix);
      const options = { salt: TEST_SALT, retentionDays, logger: createLogger('silent') };
      const logs = Array.from(
        { length: connections },
        (_, i) => new RedisUsageLog(i === 0 ? main : client(), prefix, options),
      );
      return { prefix, log: logs[0]!, logs };
    },
    /** resolves when every command sent so far on every connection has been answered */
    async settled(): Promise<void> {
      await Promise.all(clients.map((c) => c.ping()));
    },
    async close(): Promise<void> {
      for (const prefix of prefixes) await deleteKeys(main, prefix);
      for (const c of clients) c.disconnect();
    },
  };
}

/** Every day from `from` to `to` (yyyymmdd, both included). */
export function daysBetween(from: string, to: string): string[] {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6)));
  const out: string[] = [];
  for (let at = utc(from); at <= utc(to); at += 86_400_000) {
    out.push(new Date(at).toISOString().slice(0, 10).replaceAll('-', ''));
  }
  return out;
}

/** Noon in Vietnam (05:00 UTC) of a yyyymmdd day, plus `ms`. */
export const vietnamNoon = (day: string, ms = 0): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6)), 5) + ms;
