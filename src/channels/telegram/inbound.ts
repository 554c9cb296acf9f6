import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { InboundRoute, ParsedUpdate } from '../../core/channel';
import { type InboundEvent, inboundEventSchema } from '../../core/inbound';
import type { Locale } from '../../core/user';

const tgUser = z.looseObject({ id: z.number().int(), is_bot: z.boolean().optional() });
const tgChat = z.looseObject({ id: z.number().int(), type: z.string() });
const tgMessage = z.looseObject({
  chat: tgChat,
  from: tgUser.optional(),
  text: z.string().optional(),
  reply_to_message: z.looseObject({ from: tgUser.optional(), text: z.string().optional() }).optional(),
});

/** The parts of an update the bot reads; anything else about it is not checked. */
export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: tgMessage.optional(),
  edited_message: tgMessage.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: tgUser,
      data: z.string().optional(),
      message: z.looseObject({ chat: tgChat }).optional(),
    })
    .optional(),
  my_chat_member: z
    .looseObject({ chat: tgChat, from: tgUser, new_chat_member: z.looseObject({ status: z.string() }) })
    .optional(),
});

/**
 * An update's id and chat, for the inbound queue. The chat of a button press is the chat of its message
 * (the presser's own id when Telegram leaves the message out).
 */
export function telegramRoute(raw: unknown): InboundRoute | undefined {
  const parsed = telegramUpdateSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const u = parsed.data;
  const chat =
    (u.message ?? u.edited_message ?? u.callback_query?.message ?? u.my_chat_member)?.chat.id ??
    u.callback_query?.from.id ??
    'none';
  return { id: `u${u.update_id}`, chat: String(chat) };
}

/** The id of the pressed button's query, to stop its spinner. */
export function callbackQueryId(raw: unknown): string | undefined {
  return telegramUpdateSchema.safeParse(raw).data?.callback_query?.id;
}

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
    const quoted = repliesToBot ? message.reply_to_message?.text?.slice(0, 4096) : undefined;
    return { ...base, kind: 'text', text: text.replace(mention, '').trim(), ...(quoted ? { quoted } : {}) };
  }
  return { ...base, kind: 'text', text };
}

function locale(code: string | undefined): { locale?: Locale } {
  if (!code) return {};
  if (code.startsWith('vi')) return { locale: 'vi' };
  if (code.startsWith('en')) return { locale: 'en' };
  return {};
}

/** Any raw body → what the delivery pipeline acts on; dedupe is on Telegram's update_id. */
export function parseTelegramUpdate(raw: unknown, bot: BotIdentity, now: number): ParsedUpdate {
  const shape = telegramUpdateSchema.safeParse(raw);
  if (!shape.success) return { kind: 'invalid', reason: shape.error.issues[0]?.message ?? 'not an update' };
  const update = raw as Update;
  const dedupeKey = `u${update.update_id}`;
  const member = update.my_chat_member;
  if (member) {
    // Blocked or removed in a private chat: this person cannot be reached any more.
    return ['kicked', 'left'].includes(member.new_chat_member.status) && member.chat.type === 'private'
      ? { kind: 'unreachable', dedupeKey, user: { channel: 'telegram', id: String(member.from.id) } }
      : { kind: 'ignored', reason: 'chat member update' };
  }
  const candidate = toInboundEvent(update, bot, now);
  if (!candidate) return { kind: 'ignored', reason: 'not for the bot' };
  const event = inboundEventSchema.safeParse(candidate);
  if (!event.success) return { kind: 'ignored', reason: event.error.issues[0]?.message ?? 'invalid event' };
  return { kind: 'event', dedupeKey, event: event.data };
}
