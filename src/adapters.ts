import type { Redis } from 'ioredis';
import type { AnswerEngine } from './answer-engine';
import { createTelegramAdapter, type TelegramBotInfo } from './channels/telegram/adapter';
import { createWebAdapter } from './channels/web/adapter';
import { createZaloAdapter } from './channels/zalo/adapter';
import { reportUnknownZaloErrors } from './channels/zalo/unknown-errors';
import type { Config } from './config';
import type { ChannelAdapter, DeliveryPipeline, InboundQueue } from './core/channel';
import type { Logger } from './logger';
import { RedisChoiceStore } from './storage/redis-choice-store';
import { RedisErrorTally } from './storage/redis-error-tally';
import { RedisSkippedUpdates } from './storage/redis-skipped-updates';

/** What an adapter may be built from: its settings, the pipeline it feeds, strings, Redis for its stores. */
export interface AdapterContext {
  readonly config: Config;
  /** handles an update now (a channel that answers in its own response, or an adapter without a route) */
  readonly pipeline: DeliveryPipeline;
  /** stores a webhook's or a poll loop's update to be handled by a worker (answer the platform at once) */
  readonly inbound: InboundQueue;
  readonly engine: AnswerEngine;
  readonly redis: Redis;
  readonly logger: Logger;
  /** tests and benchmarks: a known Telegram bot identity, so nothing calls getMe */
  readonly telegramBotInfo?: TelegramBotInfo;
}

/** One channel: undefined when it is not configured (no token). */
export type AdapterFactory = (c: AdapterContext) => ChannelAdapter | undefined;

const menuCommands = (c: AdapterContext, locale: 'vi' | 'en') =>
  (['start', 'menu', 'help'] as const).map((command) => ({
    command,
    description: c.engine.i18n.t(locale, `command-${command}`),
  }));

/** "(Trả lời 1, 2 hoặc 3 để chọn.)" under numbered options, in Vietnamese. */
const numberedHint = (c: AdapterContext) => (count: number) =>
  c.engine.i18n.t('vi', 'zalo-choose', { count });

/**
 * Every channel, one entry each. main.ts, the test server and the benchmarks all build from this list
 * (through compose.ts): a new channel is one folder under src/channels and one entry here.
 */
export const ADAPTERS: readonly AdapterFactory[] = [
  () => createWebAdapter(),
  (c) =>
    c.config.telegram.token
      ? createTelegramAdapter({
          ...c.config.telegram,
          token: c.config.telegram.token,
          inbound: c.inbound,
          logger: c.logger,
          commands: { vi: menuCommands(c, 'vi'), en: menuCommands(c, 'en') },
          ...(c.telegramBotInfo ? { botInfo: c.telegramBotInfo } : {}),
        })
      : undefined,
  (c) => {
    if (!c.config.zalo.token) return undefined;
    const zalo = createZaloAdapter({
      ...c.config.zalo,
      token: c.config.zalo.token,
      inbound: c.inbound,
      choices: new RedisChoiceStore(c.redis, c.config.redisPrefix, c.config.sessionTtlSeconds),
      skipped: new RedisSkippedUpdates(c.redis, c.config.redisPrefix),
      hint: numberedHint(c),
      logger: c.logger,
    });
    // Replies and the outbox share this client: error answers nobody recognises are logged and counted.
    zalo.client.onUnknownError(
      reportUnknownZaloErrors(c.logger, new RedisErrorTally(c.redis, c.config.redisPrefix)),
    );
    return zalo;
  },
];
