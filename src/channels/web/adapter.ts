import { z } from 'zod';
import { type ChannelAdapter, ChannelError, type ParsedUpdate } from '../../core/channel';
import type { InboundEvent } from '../../core/inbound';
import type { Reply } from '../../core/reply';
import { type WebMessage, type WebReply, webMessageSchema } from './schemas';
import { VISITOR_ID } from './visitor';

/** The longest text the web chat passes on; the answer engine reads the start of it and says so. */
const MAX_TEXT = 10_240;

/** What the web chat route hands the adapter: the visitor (from the signed cookie or token) and the body. */
const webUpdateSchema = z.object({
  visitorId: z.string().regex(VISITOR_ID),
  messageId: z.string().min(1).max(128),
  message: webMessageSchema,
});

/**
 * The web chat. It answers in the HTTP response of each message (DeliveryPipeline.respond), so there
 * is nothing to deduplicate: each POST is one new message.
 */
export function createWebAdapter(): ChannelAdapter {
  return {
    channel: 'web',
    limits: { textLength: MAX_TEXT, buttons: true },
    async parse(raw, now): Promise<ParsedUpdate> {
      const update = webUpdateSchema.safeParse(raw);
      if (!update.success) return { kind: 'invalid', reason: update.error.issues[0]?.message ?? 'invalid' };
      const { visitorId, messageId, message } = update.data;
      return {
        kind: 'event',
        dedupeKey: messageId,
        event: toInboundEvent(visitorId, message, messageId, now),
      };
    },
    // The page only learns of replies to its own requests; proactive web messages (an outbox-web the
    // page polls) come with the features that send them.
    async send() {
      throw new ChannelError('unavailable', 'the web chat cannot receive messages it did not ask for yet');
    },
  };
}
const START = /^start(?::([a-z0-9-]{1,40}))?$/;

/** A web chat message → the channel-neutral event (the visitor id is the user id). */
function toInboundEvent(
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
export function toWebReplies(replies: readonly Reply[]): { replies: WebReply[]; locale?: string } {
  const locale = replies.at(-1)?.locale;
  return {
    ...(locale ? { locale } : {}),
    replies: replies.map((r) => ({
      text: r.text,
      ...(r.buttons && r.buttons.length > 0
        ? { buttons: r.buttons.map((row) => row.map((b) => ({ label: b.label, payload: b.payload }))) }
        : {}),
      ...(r.links && r.links.length > 0
        ? { links: r.links.map((l) => ({ label: l.label, url: l.url })) }
        : {}),
    })),
  };
}
