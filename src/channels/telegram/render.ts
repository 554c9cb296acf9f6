import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Reply } from '../../core/reply';

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
  const parts = splitText(reply.text.normalize('NFC'), TELEGRAM_TEXT_LIMIT).map(escapeHtml);
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

/**
 * Splits so that every part, once escaped, fits: escaping can grow a part (& → &amp;), so measure the
 * escaped length. Prefers a blank line, then a line break, then a sentence end, then a space.
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim() === '' ? '…' : text;
  while (escapeHtml(rest).length > limit) {
    let cut = Math.min(rest.length, limit);
    for (let excess = escapeHtml(rest.slice(0, cut)).length - limit; excess > 0; ) {
      cut -= excess;
      excess = escapeHtml(rest.slice(0, cut)).length - limit;
    }
    const window = rest.slice(0, cut);
    const at = bestBreak(window);
    const head = rest.slice(0, at).trimEnd();
    parts.push(head.length > 0 ? head : window);
    rest = rest.slice(head.length > 0 ? at : cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function bestBreak(window: string): number {
  const min = Math.floor(window.length / 2);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?…](?=\s)/g, /\s/g]) {
    let last = -1;
    for (const m of window.matchAll(pattern))
      if (m.index !== undefined && m.index >= min) last = m.index + m[0].length;
    if (last > 0) return last;
  }
  return window.length;
}
