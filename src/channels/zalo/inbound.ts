import type { InboundEvent } from '../../core/inbound';
import type { ZaloUpdate } from './schemas';

/** The message events the bot reads (reference §1.3); others are counted and left alone. */
export const ZALO_MESSAGE_EVENTS = [
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.voice.received',
  'message.unsupported.received',
] as const;

/** A Zalo update → the channel-neutral event; undefined for events the bot does not use. */
export function toInboundEvent(update: ZaloUpdate, now: number): InboundEvent | undefined {
  const m = update.message;
  if (m.from.is_bot) return undefined;
  const base = {
    user: { channel: 'zalo' as const, id: m.from.id },
    chatId: m.chat.id,
    messageId: `z${m.message_id}`,
    receivedAt: now,
  };
  switch (update.event_name) {
    case 'message.text.received': {
      const text = m.text ?? '';
      const start = /^\/start(?:\s+([a-z0-9-]{1,40}))?\s*$/i.exec(text.trim());
      if (start)
        return { ...base, kind: 'start', ...(start[1] ? { startParam: start[1].toLowerCase() } : {}) };
      return { ...base, kind: 'text', text };
    }
    case 'message.image.received':
    case 'message.sticker.received':
    case 'message.voice.received':
    // Sent instead of the content for protected senders (reference §1.3): answer politely anyway.
    case 'message.unsupported.received':
      return { ...base, kind: 'media' };
    default:
      return undefined;
  }
}
