/**
 * Composition root: reads the config, builds every piece, starts the role(s). The only file that knows
 * every concrete class (ARCHITECTURE §3).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { type AnswerEngine, createAnswerEngine } from './answer-engine';
import { createTelegramBot } from './channels/telegram/bot';
import { setCommands } from './channels/telegram/commands';
import { startPolling } from './channels/telegram/polling';
import { createTelegramSender } from './channels/telegram/sender';
import { ZaloClient } from './channels/zalo/client';
import { createZaloHandler } from './channels/zalo/handler';
import { startZaloPolling } from './channels/zalo/polling';
import { createZaloSender, ZaloSender } from './channels/zalo/sender';
import { type Config, ConfigError, loadConfig } from './config';
import type { ChoiceStore, DedupeStore } from './core/ports';
import { parseUserKey } from './core/user';
import type { Conversation } from './features/conversation';
import { createLogger, type Logger } from './logger';
import { queuePrefix } from './queues/outbox-keys';
import { startOutboxWorker } from './queues/outbox-worker';
import { createRedisConversation } from './redis-conversation';
import { buildApp } from './server/app';
import type { TelegramWebhookOptions } from './server/telegram-webhook-route';
import type { ZaloWebhookOptions } from './server/zalo-webhook-route';
import { ensureRedis } from './storage/local-redis';
import { RedisChoiceStore } from './storage/redis-choice-store';
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

  const { conversation, stores } = createRedisConversation(redis, engine, {
    prefix,
    clock,
    defaultLocale: config.defaultLocale,
    sessionTtlSeconds: config.sessionTtlSeconds,
  });

  const closers: (() => Promise<void>)[] = [];
  const web = config.role === 'all' || config.role === 'web';
  const telegram =
    web && config.telegram.token
      ? await startTelegram(config, conversation, stores.dedupe, engine, logger)
      : undefined;
  if (telegram?.stop) closers.push(telegram.stop);
  const choices = new RedisChoiceStore(redis, prefix, config.sessionTtlSeconds);
  const zalo =
    web && config.zalo.token
      ? await startZalo(config, conversation, stores.dedupe, choices, engine, logger)
      : undefined;
  if (zalo?.stop) closers.push(zalo.stop);
  if (web) {
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
      ...(telegram?.webhook ? { telegramWebhook: telegram.webhook } : {}),
      ...(zalo?.webhook ? { zaloWebhook: zalo.webhook } : {}),
    });
    await app.listen({ port: config.port, host: config.host });
    // Stop taking requests first, then the rest.
    closers.unshift(() => app.close());
    logger.info('Trợ lý DVC: web chat at http://localhost:%d', config.port);
  }
  if ((config.role === 'all' || config.role === 'worker') && config.telegram.token) {
    // Proactive messages (reminders, broadcasts, staff replies) go out through the outbox worker.
    const outbox = startOutboxWorker({
      connection: { url: endpoint.url },
      channel: 'telegram',
      prefix: queuePrefix(prefix),
      sender: createTelegramSender(config.telegram.token, config.telegram.apiRoot),
      onBlocked: async (userKey) => {
        const user = userKey ? parseUserKey(userKey) : undefined;
        if (user) await conversation.markUnreachable(user);
      },
      logger,
    });
    closers.push(() => outbox.close());
  }
  if ((config.role === 'all' || config.role === 'worker') && config.zalo.token) {
    const outbox = startOutboxWorker({
      connection: { url: endpoint.url },
      channel: 'zalo',
      prefix: queuePrefix(prefix),
      sender: createZaloSender(config.zalo.token, config.zalo.apiBase, choices, zaloHint(engine)),
      onBlocked: async (userKey) => {
        const user = userKey ? parseUserKey(userKey) : undefined;
        if (user) await conversation.markUnreachable(user);
      },
      logger,
    });
    closers.push(() => outbox.close());
  }
  closers.push(async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  if (endpoint.stop) closers.push(endpoint.stop);
  onShutdown(logger, closers);
}

/** Telegram: the bot, its command menu, and either the webhook route or long polling. */
async function startTelegram(
  config: Config,
  conversation: Conversation,
  dedupe: DedupeStore,
  engine: AnswerEngine,
  logger: Logger,
): Promise<{ webhook?: TelegramWebhookOptions; stop?: () => Promise<void> }> {
  const token = config.telegram.token!;
  const bot = createTelegramBot({
    token,
    apiRoot: config.telegram.apiRoot,
    handle: (event) => conversation.handle(event),
    dedupe,
    onBlocked: (user) => conversation.markUnreachable(user),
    logger,
  });
  await bot.init();
  const commands = (locale: 'vi' | 'en') =>
    (['start', 'menu', 'help'] as const).map((command) => ({
      command,
      description: engine.i18n.t(locale, `command-${command}`),
    }));
  await setCommands(bot.api, commands('vi'), commands('en')).catch((err: unknown) =>
    logger.warn({ err: String(err) }, 'setMyCommands failed'),
  );
  logger.info({ bot: bot.botInfo.username, mode: config.telegram.mode }, 'Telegram channel on');
  if (config.telegram.mode === 'webhook') {
    return {
      webhook: {
        secret: config.telegram.webhookSecret!,
        handleUpdate: (update) => bot.handleUpdate(update as never),
      },
    };
  }
  const runner = startPolling(bot);
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/** Zalo: the client, and either the webhook route or the getUpdates loop. */
async function startZalo(
  config: Config,
  conversation: Conversation,
  dedupe: DedupeStore,
  choices: ChoiceStore,
  engine: AnswerEngine,
  logger: Logger,
): Promise<{ webhook?: ZaloWebhookOptions; stop?: () => Promise<void> }> {
  const token = config.zalo.token!;
  const client = new ZaloClient({ token, baseUrl: config.zalo.apiBase });
  const me = await client.getMe();
  const handleUpdate = createZaloHandler({
    handle: (event) => conversation.handle(event),
    dedupe,
    choices,
    sender: new ZaloSender(client, choices, zaloHint(engine)),
    onBlocked: (user) => conversation.markUnreachable(user),
    logger,
  });
  logger.info({ bot: me.account_name, mode: config.zalo.mode }, 'Zalo channel on');
  if (config.zalo.mode === 'webhook')
    return { webhook: { secret: config.zalo.webhookSecret!, handleUpdate } };
  const polling = startZaloPolling(client, handleUpdate, logger);
  return { stop: () => polling.stop() };
}

/** "(Trả lời 1, 2 hoặc 3 để chọn.)" under numbered options, in Vietnamese. */
function zaloHint(engine: AnswerEngine): (count: number) => string {
  return (count) => engine.i18n.t('vi', 'zalo-choose', { count });
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
