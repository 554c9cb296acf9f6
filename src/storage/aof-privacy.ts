import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { keys } from './redis-keys';

/** How often the worker looks whether the append-only file should be rewritten. */
const CHECK_EVERY_MS = 5 * 60_000;
/** Rewrites at most this often after deletions (a rewrite copies the whole dataset). */
const MIN_GAP_MS = 15 * 60_000;
/** Rewrites at least this often anyway, so expired sessions leave the disk too. */
const MAX_GAP_MS = 24 * 60 * 60_000;

/**
 * Deleted and expired keys stay in Redis's append-only file until it is rewritten. After a resident
 * deletes their data (RedisResidentStore marks `aofRewriteDue`), this asks Redis to rewrite it
 * (BGREWRITEAOF) within CHECK_EVERY_MS + MIN_GAP_MS, and once a day regardless; Redis 7 then removes
 * the old AOF files. Returns a stop function.
 */
export function startAofPrivacy(
  redis: Redis,
  prefix: string,
  logger: Logger,
  now = () => Date.now(),
): () => void {
  const k = keys(prefix);
  let unsupported = false;
  const check = async () => {
    if (unsupported || redis.status !== 'ready') return;
    const info = await redis.info('persistence');
    if (!/^aof_enabled:1/m.test(info) || /^aof_rewrite_in_progress:1/m.test(info)) return;
    const [due, last] = await redis.mget(k.aofRewriteDue(), k.aofRewrittenAt());
    const since = now() - Number(last ?? 0);
    if (!(due && since >= MIN_GAP_MS) && since < MAX_GAP_MS) return;
    // One process of many does it: the marker is taken atomically.
    if ((await redis.set(k.aofRewrittenAt(), String(now()), 'GET')) !== last) return;
    await redis.del(k.aofRewriteDue());
    try {
      await redis.bgrewriteaof();
      logger.info(
        { afterDeletion: Boolean(due) },
        'asked Redis to rewrite its AOF (deleted data leaves the disk)',
      );
    } catch (err) {
      unsupported = /unknown command|disabled|renamed/i.test(String(err));
      logger.warn(
        { err },
        'Redis refused BGREWRITEAOF: deleted data stays on its disk until it rewrites the AOF itself',
      );
    }
  };
  const run = () => void check().catch((err: unknown) => logger.warn({ err }, 'AOF privacy check failed'));
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
