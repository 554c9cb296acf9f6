import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** A command that gets no answer within this time fails (a frozen Redis, a network black hole). */
export const COMMAND_TIMEOUT_MS = 1000;
/** Reconnect attempts come at most this far apart, so the bot is back soon after Redis is. */
const MAX_RECONNECT_DELAY_MS = 200;
/** While Redis loads its data after a restart, ask this often whether it is done. */
const LOADING_RECHECK_MS = 100;

/**
 * The app's own Redis client (not BullMQ's blocking connections, which must wait). It fails fast
 * instead of waiting: commands time out after COMMAND_TIMEOUT_MS; while disconnected they fail at once
 * (no offline queue that would grow without bound and answer residents minutes late); commands lost
 * with a connection are not resent later, when their caller has long given up.
 */
export function createAppRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    // No auto-pipelining: with it, requests waited up to 2 s (10 s without the breaker) through a Redis
    // freeze instead of failing after COMMAND_TIMEOUT_MS (test/faults/redis-freeze.faults.ts; not
    // reproduced with a few commands in isolation, so the cause inside ioredis is not known).
    enableAutoPipelining: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 50, MAX_RECONNECT_DELAY_MS),
    // A Redis that restarts reloads its AOF before it serves; ioredis asks again after the load's ETA, at
    // least a second by default, so /readyz and the webhooks stayed down ~1 s after Redis was back
    // (test/faults/redis-outage.faults.ts measured 1,036 ms on a slow run).
    maxLoadingRetryTime: LOADING_RECHECK_MS,
  });
  let down = false;
  redis.on('error', (err) => {
    if (!down) logger.warn({ err }, 'Redis connection problem');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info('Redis is back');
    down = false;
  });
  return redis;
}

/** Connects, retrying until Redis answers or `timeoutMs` has passed (a Redis started a moment ago). */
export async function connectAppRedis(redis: Redis, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (redis.status === 'ready') return;
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      else await onceReady(redis, Math.max(0, until - Date.now()));
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function onceReady(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', ready);
      reject(new Error(`Redis did not become ready within ${ms} ms`));
    }, ms);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', ready);
  });
}

/** Errors that mean "Redis cannot serve now" (down, frozen, full, loading), not a bug in the bot. */
export function isRedisUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error) {
      if (e.name === 'MaxRetriesPerRequestError') return true;
      if (UNAVAILABLE.test(e.message)) return true;
    }
    // grammY wraps middleware errors in BotError.error; others use cause.
    const wrapper = e as { error?: unknown; cause?: unknown };
    e = wrapper.error ?? wrapper.cause;
  }
  return false;
}

const UNAVAILABLE =
  /Command timed out|Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|^OOM |^LOADING |^MISCONF |^READONLY |^MASTERDOWN |^CLUSTERDOWN /;
