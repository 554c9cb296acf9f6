import { Api } from 'grammy';
import type { ChannelSender } from '../../core/channel';
import type { Reply } from '../../core/reply';
import { toChannelError } from './errors';
import { renderForTelegram } from './render';

/** Sends a reply to a Telegram chat, part by part; failures become ChannelError. */
export class TelegramSender implements ChannelSender {
  readonly channel = 'telegram' as const;

  constructor(private readonly api: Api) {}

  async send(chatId: string, reply: Reply): Promise<void> {
    try {
      for (const m of renderForTelegram(reply)) {
        // Plain text: no parse_mode, so nothing in the text is read as markup.
        await this.api.sendMessage(chatId, m.text, {
          link_preview_options: { is_disabled: true },
          ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
        });
      }
    } catch (err) {
      throw toChannelError(err);
    }
  }
}

/** A sender with its own API client and no automatic retries: the outbox queue decides when to retry. */
export function createTelegramSender(token: string, apiRoot: string): TelegramSender {
  return new TelegramSender(new Api(token, { apiRoot }));
}
