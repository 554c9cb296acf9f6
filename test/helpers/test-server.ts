import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { createTelegramBot } from '../../src/channels/telegram/bot';
import { ZaloClient } from '../../src/channels/zalo/client';
import { createZaloHandler } from '../../src/channels/zalo/handler';
import { ZaloSender } from '../../src/channels/zalo/sender';
import type { Conversation } from '../../src/features/conversation';
import { createLogger } from '../../src/logger';
import { createRedisConversation } from '../../src/redis-conversation';
import { buildApp } from '../../src/server/app';
import { RedisChoiceStore } from '../../src/storage/redis-choice-store';
import { RedisRateLimiter } from '../../src/storage/redis-rate-limiter';
import { deleteKeys } from './redis-cleanup';

const engine = createAnswerEngine('content', 'locales');

export interface TestServer {
  readonly app: FastifyInstance;
  /** the grammY bot, when started with a (fake) Telegram API */
  readonly bot?: Bot;
  /** the Zalo client and update handler, when started with a (fake) Zalo API */
  readonly zalo?: { client: ZaloClient; handleUpdate: (body: unknown) => Promise<unknown> };
  readonly conversation: Conversation;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly cookieSecret: string;
  close(): Promise<void>;
}

/** The web role as main.ts builds it, on the test Redis with a private key prefix, on a free port. */
export async function startTestServer(
  options: {
    perVisitorPerMinute?: number;
    perIpPerMinute?: number;
    allowedOrigins?: string[];
    /** which proxies may set X-Forwarded-For (TRUST_PROXY); default: none */
    trustProxy?: false | number | string[];
    /** a Telegram Bot API server (the fake) and the webhook secret: adds the Telegram channel */
    telegram?: { apiRoot: string; token: string; botInfo: UserFromGetMe; webhookSecret: string };
    /** a Zalo Bot API server (the fake) and the webhook secret: adds the Zalo channel */
    zalo?: { apiBase: string; token: string; webhookSecret: string };
  } = {},
): Promise<TestServer> {
  const redis = new Redis(inject('redisUrl'));
  const prefix = `web${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
  const cookieSecret = 'test-secret-test-secret-test-secret-0123';
  const clock = { now: () => Date.now() };
  const { conversation, stores } = createRedisConversation(redis, engine, {
    prefix,
    clock,
    defaultLocale: 'vi',
  });
  const logger = createLogger('silent');
  const bot = options.telegram
    ? createTelegramBot({
        token: options.telegram.token,
        apiRoot: options.telegram.apiRoot,
        botInfo: options.telegram.botInfo,
        handle: (event) => conversation.handle(event),
        dedupe: stores.dedupe,
        onBlocked: (user) => conversation.markUnreachable(user),
        logger,
      })
    : undefined;
  const choices = new RedisChoiceStore(redis, prefix);
  const zaloClient = options.zalo
    ? new ZaloClient({ token: options.zalo.token, baseUrl: options.zalo.apiBase })
    : undefined;
  const zaloHandler = zaloClient
    ? createZaloHandler({
        handle: (event) => conversation.handle(event),
        dedupe: stores.dedupe,
        choices,
        sender: new ZaloSender(zaloClient, choices, (count) => engine.i18n.t('vi', 'zalo-choose', { count })),
        onBlocked: (user) => conversation.markUnreachable(user),
        logger,
      })
    : undefined;
  const app = await buildApp({
    logger,
    handle: (event) => conversation.handle(event),
    rateLimiter: new RedisRateLimiter(redis, prefix),
    cookieSecret,
    secureCookies: false,
    perVisitorPerMinute: options.perVisitorPerMinute ?? 1000,
    perIpPerMinute: options.perIpPerMinute ?? 10_000,
    allowedOrigins: options.allowedOrigins ?? [],
    trustProxy: options.trustProxy ?? false,
    clock,
    ready: async () => (await redis.ping()) === 'PONG',
    ...(bot && options.telegram
      ? {
          telegramWebhook: {
            secret: options.telegram.webhookSecret,
            handleUpdate: (u) => bot.handleUpdate(u as Update),
          },
        }
      : {}),
    ...(zaloHandler && options.zalo
      ? { zaloWebhook: { secret: options.zalo.webhookSecret, handleUpdate: zaloHandler } }
      : {}),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    ...(bot ? { bot } : {}),
    ...(zaloClient && zaloHandler ? { zalo: { client: zaloClient, handleUpdate: zaloHandler } } : {}),
    conversation,
    url,
    redis,
    prefix,
    cookieSecret,
    async close() {
      await app.close();
      await deleteKeys(redis, prefix);
      redis.disconnect();
    },
  };
}
