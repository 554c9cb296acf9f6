import { z } from 'zod';
import { LOCALES, type UserRef, userRefSchema } from './user';

/** A reminder id: short, random, never derived from the resident (it goes into job ids and buttons). */
export const reminderIdSchema = z.string().regex(/^[a-z0-9]{8,16}$/);

export const REMINDER_TEXT_MAX = 200;

/**
 * One reminder, the source of truth for whether and when it fires (the queue's job only wakes the
 * worker up). `pending` → `sent` once handed to the channel's outbox, or `failed` when it could not be
 * delivered for good (the resident blocked the bot); `cancelled` by the resident.
 */
export const reminderSchema = z.object({
  id: reminderIdSchema,
  user: userRefSchema,
  /** what to remind of, in the resident's words */
  text: z.string().min(1).max(REMINDER_TEXT_MAX),
  /** when to fire (ms since epoch) */
  at: z.number().int().positive(),
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  locale: z.enum(LOCALES),
});
export type Reminder = z.infer<typeof reminderSchema>;

export type NewReminder = Pick<Reminder, 'user' | 'text' | 'at' | 'locale'>;

/** Rules every reminder follows, whichever way it was made. */
export const REMINDER_RULES = {
  /** pending reminders one person may have */
  maxActive: 20,
  /** at most this far ahead */
  maxAheadMs: 366 * 24 * 60 * 60 * 1000,
} as const;

export type AddReminderResult =
  | { readonly ok: true; readonly reminder: Reminder }
  | { readonly ok: false; readonly reason: 'limit' | 'past' | 'too-far' };

/**
 * What features see of reminders: the record and its scheduled wake-up kept together (the
 * implementation writes the record first, then the job, and reconciles the two on a timer).
 */
export interface ReminderBook {
  add(input: NewReminder, now: number): Promise<AddReminderResult>;
  /** pending reminders of a person, soonest first */
  pending(user: UserRef): Promise<Reminder[]>;
  /** undefined when it is not theirs or not pending (already sent, cancelled) */
  cancel(user: UserRef, id: string): Promise<Reminder | undefined>;
  /**
   * Fire again at `at` (a pending one is moved; one already sent is set up again). undefined when it is
   * not theirs, or cancelled, or the limit of pending reminders is reached.
   */
  snooze(user: UserRef, id: string, at: number, now: number): Promise<Reminder | undefined>;
}
