import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

export type RedisState = 'up' | 'down' | 'nearly-full';

/** At this share of `maxmemory` Redis is reported nearly full: writes will soon be refused (noeviction). */
export const NEARLY_FULL = 0.9;
const READY_TIMEOUT_MS = 500;

/** Redis's state for /readyz, in well under a second even when Redis is frozen. */
export async function redisState(redis: Redis, timeoutMs = READY_TIMEOUT_MS): Promise<RedisState> {
  if (redis.status !== 'ready') return 'down';
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const check = (async (): Promise<RedisState> => {
    const usage = memoryUsage(await redis.info('memory'));
    return usage !== undefined && usage >= NEARLY_FULL ? 'nearly-full' : 'up';
  })().catch((): RedisState => 'down');
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** used_memory / maxmemory from INFO memory; undefined without a maxmemory. */
export function memoryUsage(info: string): number | undefined {
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  const used = field('used_memory');
  const max = field('maxmemory');
  return max > 0 && Number.isFinite(used) ? used / max : undefined;
}

/**
 * Logs once when Redis becomes nearly full and once when it is not any more, checking every
 * `intervalMs`; returns a stop function. The operator sees it before residents get "busy" answers.
 */
export function watchRedisMemory(redis: Redis, logger: Logger, intervalMs = 30_000): () => void {
  let full = false;
  const check = async () => {
    if (redis.status !== 'ready') return;
    const usage = memoryUsage(await redis.info('memory'));
    const nowFull = usage !== undefined && usage >= NEARLY_FULL;
    if (nowFull && !full) {
      logger.error(
        { usedShare: usage },
        'ALERT redis-memory: Redis gần đầy bộ nhớ (%d%% của maxmemory): sắp không ghi được nữa. Tăng maxmemory (REDIS_MAXMEMORY) hoặc kiểm tra dữ liệu.',
        Math.round((usage ?? 0) * 100),
      );
    } else if (!nowFull && full) {
      logger.info({ usedShare: usage }, 'Redis memory is below the alert level again');
    }
    full = nowFull;
  };
  const timer = setInterval(() => void check().catch(() => undefined), intervalMs);
  timer.unref();
  void check().catch(() => undefined);
  return () => clearInterval(timer);
}

const PROBE_EVERY_MS = 200;

/**
 * A breaker in front of Redis: after a command failed because Redis could not serve (a timeout, a
 * lost connection), requests are refused at once until a PING is answered again. Without it every
 * request during a freeze would wait the full command timeout, and pile up commands that a thawed
 * Redis then has to work through before answering anyone.
 */
export class RedisBreaker {
  private down = false;
  private probing = false;

  constructor(private readonly redis: Redis) {}

  /** true while Redis is connected and not known to be hanging */
  available(): boolean {
    return this.redis.status === 'ready' && !this.down;
  }

  /** tells the breaker a command failed because Redis could not serve */
  trip(): void {
    this.down = true;
    if (!this.probing) void this.probe();
  }

  private async probe(): Promise<void> {
    this.probing = true;
    try {
      while (this.down) {
        await new Promise((r) => setTimeout(r, PROBE_EVERY_MS).unref());
        if (this.redis.status !== 'ready') continue;
        const answered = await this.redis.ping().then(
          () => true,
          () => false,
        );
        if (answered) this.down = false;
      }
    } finally {
      this.probing = false;
    }
  }
}
