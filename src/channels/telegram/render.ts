import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Reply } from '../../core/reply';
import { splitText } from '../../core/split-text';

/** Telegram's limit for one message, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Everything a resident or the knowledge base wrote is text, never markup: escape it for parse_mode HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface TelegramMessage {
  readonly text: string;
  readonly reply_markup?: InlineKeyboardMarkup;
}

/**
 * A reply as Telegram messages: NFC text (NFD would count more UTF-16 units), escaped, split under the
 * limit at paragraph, line, sentence or word boundaries; the buttons go with the last part.
 */
export function renderForTelegram(reply: Reply): TelegramMessage[] {
  // Measured escaped: escaping can make a part longer (& → &amp;).
  const parts = splitText(reply.text.normalize('NFC'), TELEGRAM_TEXT_LIMIT, (s) => escapeHtml(s).length).map(
    escapeHtml,
  );
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
