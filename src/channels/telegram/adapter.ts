import { autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, sequentialize } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import {
  type ChannelAdapter,
  type DeliveryPipeline,
  type HttpReply,
  type HttpRequest,
  RetryLaterError,
} from '../../core/channel';
import { POLLED_UPDATE_RETRY, retrying } from '../../core/retry';
import type { Logger } from '../../logger';
import { type BotCommand, setCommands } from './commands';
import { parseTelegramUpdate, telegramUpdateSchema } from './inbound';
import { startPolling } from './polling';
import { TELEGRAM_TEXT_LIMIT } from './render';
import { createTelegramSender, TelegramSender } from './sender';

const BODY_LIMIT = 1024 * 1024;
/**
 * Telegram waits about 10 s. Slower handling answers 503 before then: Telegram resends, and the resend
 * is refused (still being handled) until the first delivery is done, so nothing is lost or doubled.
 */
const ANSWER_WITHIN_MS = 8000;

export interface TelegramAdapterOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly mode: 'polling' | 'webhook';
  /** required in webhook mode */
  readonly webhookSecret?: string | undefined;
  readonly pipeline: DeliveryPipeline;
  readonly logger: Logger;
  /** the command menu in Vietnamese and English */
  readonly commands: { readonly vi: readonly BotCommand[]; readonly en: readonly BotCommand[] };
  /** known bot identity (skips getMe; tests and benchmarks) */
  readonly botInfo?: UserFromGetMe;
}

/** The bot's identity as getMe returns it. */
export type TelegramBotInfo = UserFromGetMe;

export interface TelegramAdapter extends ChannelAdapter {
  readonly bot: Bot;
}

/**
 * Telegram through grammY: its webhookCallback (secret compared in constant time, answer within the
 * time Telegram waits) or long polling with @grammyjs/runner; every update goes to the delivery
 * pipeline. Retries on 429/5xx are bounded so a webhook answers in time.
 */
export function createTelegramAdapter(o: TelegramAdapterOptions): TelegramAdapter {
  const bot = new Bot(o.token, {
    client: { apiRoot: o.apiRoot },
    ...(o.botInfo ? { botInfo: o.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  const sender = new TelegramSender(bot.api);
  let runner: RunnerHandle | undefined;
  let stopping = false;

  const adapter: TelegramAdapter = {
    channel: 'telegram',
    bot,
    limits: { textLength: TELEGRAM_TEXT_LIMIT, buttons: true },
    parse: async (raw, now) => parseTelegramUpdate(raw, bot.botInfo, now),
    send: (chatId, reply) => sender.send(chatId, reply),
    outbox: createTelegramSender(o.token, o.apiRoot),
    ...(o.mode === 'webhook' ? { routes: [webhookRoute(bot, requireSecret(o.webhookSecret))] } : {}),
    async start() {
      await bot.init();
      const commands = o.commands;
      await setCommands(bot.api, commands.vi, commands.en).catch((err: unknown) =>
        o.logger.warn({ err }, 'setMyCommands failed'),
      );
      o.logger.info({ bot: bot.botInfo.username, mode: o.mode }, 'Telegram channel on');
      if (o.mode === 'polling') runner = startPolling(bot);
    },
    async stop() {
      stopping = true;
      if (runner?.isRunning()) await runner.stop();
    },
  };

  // One chat's updates in order (the runner polls concurrently); different chats in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(async (ctx) => {
    // The button stops spinning at once, whatever happens next.
    if (ctx.callbackQuery?.id) await ctx.answerCallbackQuery().catch(() => undefined);
    if (o.mode === 'webhook') {
      await o.pipeline.deliver(adapter, ctx.update);
      return;
    }
    // A polled update is confirmed to Telegram once fetched: if Redis is down, keep trying it here
    // (this chat's later updates wait behind it, in order) instead of dropping it.
    await retrying(() => o.pipeline.deliver(adapter, ctx.update), {
      ...POLLED_UPDATE_RETRY,
      stopped: () => stopping,
      onRetry: (err, attempt, delayMs) =>
        o.logger.warn(
          { err, attempt, delayMs, updateId: ctx.update.update_id },
          'telegram update failed; retrying',
        ),
    });
  });
  // Polling only: a webhook's failure goes back to Telegram as an error status instead.
  bot.catch((err) => o.logger.error({ err: err.error }, 'telegram update failed'));
  return adapter;
}

function requireSecret(secret: string | undefined): string {
  if (!secret) throw new Error('TELEGRAM_WEBHOOK_SECRET is required in webhook mode');
  return secret;
}

/** POST /webhooks/telegram: a body that is not an update gets 400; grammY does the rest. */
function webhookRoute(bot: Bot, secret: string) {
  const callback = webhookCallback(bot, 'fastify', {
    secretToken: secret,
    onTimeout: 'throw',
    timeoutMilliseconds: ANSWER_WITHIN_MS,
  });
  return {
    path: '/webhooks/telegram',
    bodyLimit: BODY_LIMIT,
    secret: { header: 'x-telegram-bot-api-secret-token', value: secret },
    async handler(request: HttpRequest, reply: HttpReply) {
      if (!telegramUpdateSchema.safeParse(request.body).success) {
        return reply
          .code(400)
          .send({ error: 'bad-request', message: 'Not a Telegram update.', field: 'update_id' });
      }
      try {
        return await callback(request as never, reply as never);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('Request timed out after')) {
          throw new RetryLaterError('the update took longer than Telegram waits; it is still being handled');
        }
        throw err;
      }
    },
  };
}
