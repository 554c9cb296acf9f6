import type { InlineKeyboardMarkup } from 'grammy/types';
import { type Reply, textWithLinks } from '../../core/reply';
import { splitText } from '../../core/split-text';

/** Telegram's limit for one message, in UTF-16 code units (what a JavaScript string's length counts). */
export const TELEGRAM_TEXT_LIMIT = 4096;

export interface TelegramMessage {
  readonly text: string;
  readonly reply_markup?: InlineKeyboardMarkup;
}

/**
 * A reply as Telegram messages: plain text (sent without parse_mode, so `<b>` or `&` from a resident or the
 * knowledge base shows as typed), NFC (NFD would count more UTF-16 units), split under the limit at
 * paragraph, line, sentence or word boundaries; the buttons go with the last part.
 */
export function renderForTelegram(reply: Reply): TelegramMessage[] {
  const parts = splitText(textWithLinks(reply).normalize('NFC'), TELEGRAM_TEXT_LIMIT);
  const keyboard = reply.buttons?.length
    ? {
        inline_keyboard: reply.buttons.map((row) =>
          row.map((b) => ({ text: b.label, callback_data: b.payload })),
        ),
      }
    : undefined;
  return parts.map((text, i) =>
    keyboard && i === parts.length - 1 ? { text, reply_markup: keyboard } : { text },
  );
}
