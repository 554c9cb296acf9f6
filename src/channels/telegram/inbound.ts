import type { Update } from 'grammy/types';
import type { InboundEvent } from '../../core/inbound';
import type { Locale } from '../../core/user';

export interface BotIdentity {
  readonly username: string;
}

/**
 * A Telegram update → the channel-neutral event, or undefined when the bot should stay silent
 * (a group message not meant for it, an update type it does not use).
 */
export function toInboundEvent(update: Update, bot: BotIdentity, now: number): InboundEvent | undefined {
  const messageId = `u${update.update_id}`;
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat.id ?? q.from.id;
    return {
      user: { channel: 'telegram', id: String(q.from.id) },
      chatId: String(chat),
      kind: 'button',
      payload: (q.data ?? '').slice(0, 64),
      ...locale(q.from.language_code),
      messageId,
      receivedAt: now,
    };
  }
  const message = update.message ?? update.edited_message;
  if (!message?.from || message.from.is_bot) return undefined;
  const base = {
    user: { channel: 'telegram' as const, id: String(message.from.id) },
    chatId: String(message.chat.id),
    ...locale(message.from.language_code),
    messageId,
    receivedAt: now,
  };
  const group = message.chat.type !== 'private';
  const text = message.text;
  if (update.edited_message || text === undefined) {
    // Photos, stickers, voice, locations, edits: a polite line, but never noise in a group.
    return group ? undefined : { ...base, kind: 'media' };
  }
  const command = /^\/([a-z_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (command) {
    const [, name, target, rest] = command;
    if (target && target.toLowerCase() !== bot.username.toLowerCase()) return undefined;
    if (name === 'start') {
      const param = rest?.trim().split(/\s+/)[0];
      return { ...base, kind: 'start', ...(param ? { startParam: param.slice(0, 64) } : {}) };
    }
    return { ...base, kind: 'text', text: `/${name}${rest ? ` ${rest}` : ''}` };
  }
  if (group) {
    // In a group the bot answers only what mentions it (or replies to it).
    const mention = new RegExp(`@${bot.username}\\b`, 'i');
    const repliesToBot =
      message.reply_to_message?.from?.username?.toLowerCase() === bot.username.toLowerCase();
    if (!mention.test(text) && !repliesToBot) return undefined;
    return { ...base, kind: 'text', text: text.replace(mention, '').trim() };
  }
  return { ...base, kind: 'text', text };
}

function locale(code: string | undefined): { locale?: Locale } {
  if (!code) return {};
  if (code.startsWith('vi')) return { locale: 'vi' };
  if (code.startsWith('en')) return { locale: 'en' };
  return {};
}
