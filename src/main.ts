/**
 * Composition root: reads the config, builds every piece, starts the role(s). The only file that knows
 * every concrete class (ARCHITECTURE §3).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { createAnswerEngine } from './answer-engine';
import { type Config, ConfigError, loadConfig } from './config';
import { createLogger, type Logger } from './logger';
import { createRedisConversation } from './redis-conversation';
import { buildApp } from './server/app';
import { ensureRedis } from './storage/local-redis';
import { RedisRateLimiter } from './storage/redis-rate-limiter';

const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const clock = { now: () => Date.now() };

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const engine = createAnswerEngine(config.contentDir, config.localesDir);
  const endpoint = await ensureRedis({
    url: config.redisUrl,
    probeUrl: DEFAULT_REDIS,
    dataDir: resolve(config.redisDataDir),
    logger,
  });
  // Auto-pipelining sends the commands of concurrent requests together: fewer round trips under load.
  const redis = new Redis(endpoint.url, { maxRetriesPerRequest: 3, enableAutoPipelining: true });
  redis.on('error', (err) => logger.warn({ err: err.message }, 'Redis connection problem'));
  const prefix = config.redisPrefix;

  const { conversation } = createRedisConversation(redis, engine, {
    prefix,
    clock,
    defaultLocale: config.defaultLocale,
    sessionTtlSeconds: config.sessionTtlSeconds,
  });

  const closers: (() => Promise<void>)[] = [];
  if (config.role === 'all' || config.role === 'web') {
    const app = await buildApp({
      logger,
      handle: (event) => conversation.handle(event),
      rateLimiter: new RedisRateLimiter(redis, prefix),
      cookieSecret: config.cookieSecret ?? (await sharedCookieSecret(redis, prefix)),
      secureCookies: config.publicUrl?.startsWith('https://') ?? false,
      perVisitorPerMinute: config.web.perVisitorPerMinute,
      perIpPerMinute: config.web.perIpPerMinute,
      allowedOrigins: config.web.allowedOrigins,
      trustProxy: config.web.trustProxy,
      clock,
      ready: async () => (await redis.ping()) === 'PONG',
    });
    await app.listen({ port: config.port, host: config.host });
    closers.push(() => app.close());
    logger.info('Trợ lý DVC: web chat at http://localhost:%d', config.port);
  }
  if (config.telegram.token || config.zalo.token) {
    logger.warn(
      'TELEGRAM_BOT_TOKEN / ZALO_BOT_TOKEN are set, but those channels are not part of this version yet.',
    );
  }
  closers.push(async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  if (endpoint.stop) closers.push(endpoint.stop);
  onShutdown(logger, closers);
}

/**
 * Without COOKIE_SECRET, one random secret is kept in Redis, so every web process signs visitor
 * cookies alike and visitors keep their conversation across restarts.
 */
async function sharedCookieSecret(redis: Redis, prefix: string): Promise<string> {
  const key = `${prefix}web:cookie-secret`;
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new Error('could not read the cookie secret from Redis');
  return secret;
}

/** SIGTERM/SIGINT: stop taking requests, finish those in hand, close Redis, stop a private redis-server. */
function onShutdown(logger: Logger, closers: (() => Promise<void>)[]): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of closers) {
      await close().catch((err: unknown) => logger.error({ err }, 'error while shutting down'));
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
