import { z } from 'zod';
import { LOCALES, userRefSchema } from './user';

/**
 * One thing a resident did, whatever the channel: typed text, pressed a button, started the bot, or sent
 * something the bot cannot read (a photo, a sticker, a voice message, a location, an edit).
 */
export const inboundEventSchema = z.object({
  user: userRefSchema,
  chatId: z.string().min(1).max(128),
  kind: z.enum(['text', 'button', 'start', 'media']),
  text: z.string().optional(),
  payload: z.string().max(64).optional(),
  /** deep-link parameter, e.g. a village id from a QR poster */
  startParam: z.string().max(64).optional(),
  locale: z.enum(LOCALES).optional(),
  /** the text of the bot's own message this one answers (a staff member replying in the staff group) */
  quoted: z.string().max(4096).optional(),
  messageId: z.string().min(1).max(128),
  receivedAt: z.number().int().nonnegative(),
});
export type InboundEvent = z.infer<typeof inboundEventSchema>;
