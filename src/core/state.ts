import { z } from 'zod';
import { LOCALES, userRefSchema } from './user';

/**
 * Everything the bot stores about a conversation, defined once: the zod schema is the truth and the
 * types are inferred from it, so a new field cannot compile and then be dropped on read.
 */

/** A multi-step form in progress (see features/flow-engine.ts). */
export const flowStateSchema = z.object({
  flow: z.string().min(1).max(64),
  step: z.number().int().nonnegative(),
  data: z.record(z.string(), z.string()),
  expiresAt: z.number(),
});
export type FlowState = z.infer<typeof flowStateSchema>;

/** Short-lived conversation state; it expires on its own. */
export const sessionSchema = z.object({
  flow: flowStateSchema.optional(),
  /** questions not understood in a row */
  misses: z.number().int().nonnegative().default(0),
  /** the last topic answered (for feedback, follow-ups and "back") */
  lastTopic: z.string().max(64).optional(),
  /** the topics of the last question back («Ý bà con là…?»): «làm ở đâu» right after it asks about them */
  offered: z.array(z.string().max(64)).max(5).optional(),
  /** the resident's last few typed messages, masked: the context a staff member sees with «Gặp cán bộ» */
  recent: z.array(z.string().max(300)).max(3).optional(),
  /**
   * Each feature's own data under the feature's id, validated on read by the schema the feature
   * declares (features/feature-state.ts); data a feature no longer reads is dropped there.
   */
  features: z.record(z.string(), z.unknown()).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const EMPTY_SESSION: Session = { misses: 0 };

/** What the bot keeps about a resident (ARCHITECTURE §7: nothing else, and all of it deletable). */
export const userProfileSchema = z.object({
  user: userRefSchema,
  village: z.string().max(64).optional(),
  /** false once the resident said «DỪNG»: no announcements of the village (absent = receives them) */
  subscribed: z.boolean().optional(),
  locale: z.enum(LOCALES),
  /** the resident has seen the privacy note */
  consentAt: z.number().optional(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** false once the platform says the resident blocked the bot */
  active: z.boolean(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** A stored value read back: undefined when missing, corrupt or from an older shape that no longer fits. */
export function parseStored<T>(schema: z.ZodType<T>, raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
