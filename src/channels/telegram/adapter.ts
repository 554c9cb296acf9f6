import { autoRetry } from '@grammyjs/auto-retry';
import { type RunnerHandle, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { ChannelAdapter, HttpReply, HttpRequest, InboundQueue, WebhookRoute } from '../../core/channel';
import { POLLED_UPDATE_RETRY, retrying } from '../../core/retry';
import type { Logger } from '../../logger';
import { type BotCommand, setCommands } from './commands';
import { callbackQueryId, parseTelegramUpdate, telegramRoute } from './inbound';
import { startPolling } from './polling';
import { TELEGRAM_TEXT_LIMIT } from './render';
import { createTelegramSender, TelegramSender } from './sender';

const BODY_LIMIT = 1024 * 1024;

export interface TelegramAdapterOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly mode: 'polling' | 'webhook';
  /** required in webhook mode */
  readonly webhookSecret?: string | undefined;
  /** where webhook and polled updates are stored to be handled */
  readonly inbound: InboundQueue;
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
 * Telegram through grammY: a webhook (the server compares the secret in constant time) or long polling
 * with @grammyjs/runner stores every update in the inbound queue, whose workers hand it to the delivery
 * pipeline; the webhook answers as soon as the update is stored. Retries on 429/5xx are bounded.
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
    async parse(raw, now) {
      // A worker may take an update before start() has asked Telegram who the bot is.
      if (!bot.isInited()) await bot.init();
      return parseTelegramUpdate(raw, bot.botInfo, now);
    },
    route: telegramRoute,
    async acknowledge(raw) {
      // The pressed button stops spinning at once, whatever happens next.
      const id = callbackQueryId(raw);
      if (id) await bot.api.answerCallbackQuery(id).catch(() => undefined);
    },
    send: (chatId, reply) => sender.send(chatId, reply),
    outbox: createTelegramSender(o.token, o.apiRoot),
    ...(o.mode === 'webhook'
      ? { routes: [webhookRoute(requireSecret(o.webhookSecret), o.inbound, () => adapter)] }
      : {}),
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

  // Polling only. One chat's updates are stored in order (the runner fetches concurrently).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(async (ctx) => {
    // A polled update is confirmed to Telegram once fetched: if Redis is down, keep trying to store it
    // (this chat's later updates wait behind it, in order) instead of dropping it.
    await retrying(() => o.inbound.accept(adapter, ctx.update), {
      ...POLLED_UPDATE_RETRY,
      stopped: () => stopping,
      onRetry: (err, attempt, delayMs) =>
        o.logger.warn(
          { err, attempt, delayMs, updateId: ctx.update.update_id },
          'telegram update not stored; retrying',
        ),
    });
  });
  bot.catch((err) =>
    o.logger.error({ err: err.error }, 'ALERT telegram-update: a polled update was dropped'),
  );
  return adapter;
}

function requireSecret(secret: string | undefined): string {
  if (!secret) throw new Error('TELEGRAM_WEBHOOK_SECRET is required in webhook mode');
  return secret;
}

/**
 * POST /webhooks/telegram: a body that is not an update gets 400; an update is stored and answered 200
 * at once (Telegram waits about 10 s, and a slow answer holds back the chat's next updates); 503 when it
 * could not be stored, so Telegram sends it again.
 */
function webhookRoute(secret: string, inbound: InboundQueue, adapter: () => ChannelAdapter): WebhookRoute {
  return {
    path: '/webhooks/telegram',
    bodyLimit: BODY_LIMIT,
    secret: { header: 'x-telegram-bot-api-secret-token', value: secret },
    async handler(request: HttpRequest, reply: HttpReply) {
      if ((await inbound.accept(adapter(), request.body)) === 'invalid') {
        return reply
          .code(400)
          .send({ error: 'bad-request', message: 'Not a Telegram update.', field: 'update_id' });
      }
      return reply.code(200).send({ ok: true });
    },
  };
}
