import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { type InboundEvent, inboundEventSchema } from '../../core/inbound';
import type { DedupeStore } from '../../core/ports';
import type { Reply } from '../../core/reply';
import type { UserRef } from '../../core/user';
import type { Logger } from '../../logger';
import { toInboundEvent } from './inbound';
import { TelegramSender } from './sender';

/** Telegram keeps undelivered updates for 24 hours and resends on errors: remember ids a bit longer. */
const UPDATE_DEDUPE_SECONDS = 25 * 60 * 60;

export interface TelegramBotOptions {
  readonly token: string;
  readonly apiRoot: string;
  readonly handle: (event: InboundEvent) => Promise<Reply[]>;
  readonly dedupe: DedupeStore;
  /** the resident blocked the bot or can no longer be reached */
  readonly onBlocked: (user: UserRef) => Promise<void>;
  readonly logger: Logger;
  /** known bot identity (skips getMe; tests and benchmarks) */
  readonly botInfo?: UserFromGetMe;
}

/**
 * grammY bot: every update is deduplicated, turned into an InboundEvent, handled by the conversation,
 * and the replies are sent back. Retries on 429/5xx are bounded so a webhook answers in time.
 */
export function createTelegramBot(o: TelegramBotOptions): Bot {
  const bot = new Bot(o.token, {
    client: { apiRoot: o.apiRoot },
    ...(o.botInfo ? { botInfo: o.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  const sender = new TelegramSender(bot.api);
  // One chat's updates in order (the runner polls concurrently); different chats in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(async (ctx: Context) => {
    const update = ctx.update;
    if (!(await o.dedupe.firstTime(`tg-update:${update.update_id}`, UPDATE_DEDUPE_SECONDS))) return;
    const member = update.my_chat_member;
    if (
      member &&
      ['kicked', 'left'].includes(member.new_chat_member.status) &&
      member.chat.type === 'private'
    ) {
      await o.onBlocked({ channel: 'telegram', id: String(member.from.id) });
      return;
    }
    // The button stops spinning at once, whatever happens next.
    if (update.callback_query) await ctx.answerCallbackQuery().catch(() => undefined);
    const candidate = toInboundEvent(update, ctx.me, Date.now());
    if (!candidate) return;
    const parsed = inboundEventSchema.safeParse(candidate);
    if (!parsed.success) {
      o.logger.warn(
        { updateId: update.update_id },
        'telegram update ignored: %s',
        parsed.error.issues[0]?.message,
      );
      return;
    }
    const event = parsed.data;
    const replies = await o.handle(event);
    for (const reply of replies) {
      try {
        await sender.send(event.chatId, reply);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'blocked') {
          await o.onBlocked(event.user);
          return;
        }
        throw err;
      }
    }
  });
  bot.catch((err) => {
    o.logger.error(
      { err: err.error instanceof Error ? err.error.message : String(err.error) },
      'telegram update failed',
    );
  });
  return bot;
}
