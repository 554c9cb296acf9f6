import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { AdapterFactory } from '../../src/adapters';
import { ADAPTERS } from '../../src/adapters';
import { createAnswerEngine } from '../../src/answer-engine';
import type { TelegramAdapter } from '../../src/channels/telegram/adapter';
import type { ZaloAdapter } from '../../src/channels/zalo/adapter';
import { compose } from '../../src/compose';
import type { Services } from '../../src/compose-services';
import { loadConfig } from '../../src/config';
import type { ChannelAdapter, DeliveryPipeline } from '../../src/core/channel';
import type { Clock } from '../../src/core/ports';
import type { Conversation } from '../../src/features/conversation';
import type { Feature } from '../../src/features/feature';
import { createLogger, type Logger } from '../../src/logger';
import { deleteKeys } from './redis-cleanup';

const engine = createAnswerEngine('content', 'locales');

export interface TestServer {
  readonly app: FastifyInstance;
  /** the grammY bot, when started with a (fake) Telegram API */
  readonly bot?: Bot;
  /** the Zalo adapter, when started with a (fake) Zalo API */
  readonly zalo?: ZaloAdapter;
  readonly adapters: ReadonlyMap<string, ChannelAdapter>;
  readonly conversation: Conversation;
  readonly pipeline: DeliveryPipeline;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly redis: Redis;
  readonly prefix: string;
  readonly cookieSecret: string;
  /** the composition's stores (roles, dashboard links, usage log…), to seed and inspect */
  readonly services: Services;
  /** resolves once every update the webhooks or poll loops stored has been handled (replies sent) */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  perVisitorPerMinute?: number;
  perIpPerMinute?: number;
  allowedOrigins?: string[];
  /** cookies as behind HTTPS (SameSite=None; Secure; Partitioned) */
  secureCookies?: boolean;
  /** which proxies may set X-Forwarded-For (TRUST_PROXY); default: none */
  trustProxy?: false | number | string[];
  /** a Telegram Bot API server (the fake) and the webhook secret: adds the Telegram channel */
  telegram?: { apiRoot: string; token: string; botInfo: UserFromGetMe; webhookSecret: string };
  /** a Zalo Bot API server (the fake) and the webhook secret: adds the Zalo channel (webhook mode unless told) */
  zalo?: { apiBase: string; token: string; webhookSecret: string; mode?: 'webhook' | 'polling' };
  /** where the bot logs (default: nowhere) */
  logger?: Logger;
  /** more adapters and features than the bot's own (extension tests) */
  extraAdapters?: readonly AdapterFactory[];
  features?: readonly Feature[];
  /** another Redis than the test run's (fault and memory tests) */
  redisUrl?: string;
  /** more environment variables for loadConfig, applied last (e.g. HTTP_REQUEST_TIMEOUT_SECONDS) */
  env?: Record<string, string>;
  /** the bot's clock (default: the system's) */
  clock?: Clock;
  /** whether a web visitor's page keeps asking for new messages (default: the bot's own answer) */
  keepPolling?: (visitorId: string) => Promise<boolean>;
}

/**
 * The web role exactly as main.ts builds it (compose.ts, the one adapter list), on the test Redis with
 * a private key prefix, on a free port, with the channels in webhook mode.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const prefix = `web${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
  const cookieSecret = 'test-secret-test-secret-test-secret-0123';
  const { telegram, zalo } = options;
  const config = loadConfig({
    REDIS_PREFIX: prefix,
    ROLE: 'web',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    COOKIE_SECRET: cookieSecret,
    WEB_RATE_PER_VISITOR: String(options.perVisitorPerMinute ?? 1000),
    WEB_RATE_PER_IP: String(options.perIpPerMinute ?? 10_000),
    WEB_RATE_NEW_PER_IP: String(options.perIpPerMinute ?? 10_000),
    WEB_ALLOWED_ORIGINS: (options.allowedOrigins ?? []).join(','),
    PUBLIC_URL: 'https://bot.example.org',
    TRUST_PROXY: Array.isArray(options.trustProxy)
      ? options.trustProxy.join(',')
      : String(options.trustProxy ?? false),
    ...(telegram
      ? {
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_MODE: 'webhook',
          TELEGRAM_WEBHOOK_SECRET: telegram.webhookSecret,
          TELEGRAM_API_ROOT: telegram.apiRoot,
        }
      : {}),
    ...(zalo
      ? {
          ZALO_BOT_TOKEN: zalo.token,
          ZALO_MODE: zalo.mode ?? 'webhook',
          ZALO_WEBHOOK_SECRET: zalo.webhookSecret,
          ZALO_API_BASE: zalo.apiBase,
        }
      : {}),
    ...options.env,
  });
  const composed = await compose({
    // Port 0: any free port. Plain-HTTP cookies unless asked, although PUBLIC_URL is https.
    config: { ...config, port: 0, publicUrl: options.secureCookies ? config.publicUrl : undefined },
    redisUrl: options.redisUrl ?? inject('redisUrl'),
    logger: options.logger ?? createLogger('silent'),
    engine,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.keepPolling ? { keepPolling: options.keepPolling } : {}),
    adapters: [...ADAPTERS, ...(options.extraAdapters ?? [])],
    ...(options.features ? { features: options.features } : {}),
    ...(telegram ? { telegramBotInfo: telegram.botInfo } : {}),
  });
  const url = await composed.start();
  const app = composed.app;
  if (!url || !app) throw new Error('the test server did not start its web role');
  const telegramAdapter = composed.adapters.get('telegram') as TelegramAdapter | undefined;
  const zaloAdapter = composed.adapters.get('zalo') as ZaloAdapter | undefined;
  const pendingUpdates = async (): Promise<number> => {
    let pending = 0;
    for (const adapter of composed.adapters.values()) {
      if (adapter.route) pending += await composed.inbound.pending(adapter.channel);
    }
    return pending;
  };
  return {
    app,
    ...(telegramAdapter ? { bot: telegramAdapter.bot } : {}),
    ...(zaloAdapter ? { zalo: zaloAdapter } : {}),
    adapters: composed.adapters,
    conversation: composed.conversation,
    pipeline: composed.pipeline,
    url,
    redis: composed.redis,
    prefix,
    cookieSecret,
    services: composed.services,
    async settled(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        // Redis may be reconnecting (fault tests): not knowing counts as not settled yet.
        const pending = await pendingUpdates().catch(() => undefined);
        if (pending === 0) return;
        if (Date.now() > until) throw new Error(`stored updates still not handled: ${pending ?? 'unknown'}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      await deleteKeys(composed.redis, prefix);
      await composed.close();
    },
  };
}
