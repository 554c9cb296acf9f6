import type { InboundEvent } from '../../core/inbound';
import type { Reply } from '../../core/reply';
import type { WebMessage, WebReply } from './schemas';

/** The longest text the web chat passes on; the answer engine reads the start of it and says so. */
const MAX_TEXT = 10_240;
const START = /^start(?::([a-z0-9-]{1,40}))?$/;

/** A web chat message → the channel-neutral event (the visitor id is the user id). */
export function toInboundEvent(
  visitorId: string,
  message: WebMessage,
  messageId: string,
  now: number,
): InboundEvent {
  const base = {
    user: { channel: 'web' as const, id: visitorId },
    chatId: visitorId,
    messageId,
    receivedAt: now,
  };
  if ('text' in message) return { ...base, kind: 'text', text: message.text.slice(0, MAX_TEXT) };
  const start = START.exec(message.payload);
  if (start) return { ...base, kind: 'start', ...(start[1] ? { startParam: start[1] } : {}) };
  return { ...base, kind: 'button', payload: message.payload };
}

/** Replies → the JSON the widget renders (text is plain text; the page never parses it as HTML). */
export function toWebReplies(replies: readonly Reply[]): { replies: WebReply[] } {
  return {
    replies: replies.map((r) =>
      r.buttons && r.buttons.length > 0
        ? {
            text: r.text,
            buttons: r.buttons.map((row) => row.map((b) => ({ label: b.label, payload: b.payload }))),
          }
        : { text: r.text },
    ),
  };
}
