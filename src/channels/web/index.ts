import { z } from 'zod';
import { type ChannelAdapter, ChannelError, type ParsedUpdate } from '../../core/channel';
import { toInboundEvent } from './adapter';
import { webMessageSchema } from './schemas';

/** What the web chat route hands the adapter: the visitor (from the signed cookie or token) and the body. */
export const webUpdateSchema = z.object({
  visitorId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
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
    limits: { textLength: 10_240, buttons: true },
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
