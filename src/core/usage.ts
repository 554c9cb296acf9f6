import { z } from 'zod';
import type { UserRef } from './user';

const id = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** How sure the bot was of an answer: a clear match, a narrower one, or a follow-up on the topic at hand. */
export const CONFIDENCE_BANDS = ['high', 'medium', 'followup'] as const;
export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

/** Where a topic's answer was asked from. */
export const TOPIC_SOURCES = ['question', 'clarify', 'menu', 'followup', 'alternative'] as const;

/** The longest question text kept among the unanswered ones (after masking). */
export const USAGE_TEXT_MAX = 200;

/**
 * What the statistics count (issue «Usage statistics»). The village teams' help sessions are counted by
 * their own log (core/help-log.ts), which keeps them per village and topic. Deliberately nothing that names a person: the
 * resident is given beside the event (`UsageSource`) and stored only as a salted hash; question texts
 * are masked (phone and ID numbers) before they are kept.
 */
export const usageEventSchema = z.discriminatedUnion('kind', [
  /** a message, button or start from a resident: counted with the channel and the village */
  z.object({ kind: z.literal('message') }),
  z.object({
    kind: z.literal('question'),
    result: z.literal('answered'),
    /** absent for answers that are not a topic (the scam warning) */
    topic: id.optional(),
    band: z.enum(CONFIDENCE_BANDS),
  }),
  z.object({ kind: z.literal('question'), result: z.literal('clarified') }),
  z.object({
    kind: z.literal('question'),
    result: z.enum(['unanswered', 'outside']),
    /** the question as typed, masked; cut to USAGE_TEXT_MAX */
    text: z.string().max(2000),
  }),
  /** a topic's answer (or one section of it) shown */
  z.object({
    kind: z.literal('topic'),
    topic: id,
    from: z.enum(TOPIC_SOURCES),
    section: id.optional(),
  }),
  z.object({ kind: z.literal('feedback'), value: z.enum(['up', 'down']), topic: id.optional() }),
  z.object({ kind: z.literal('resident'), what: z.enum(['village', 'subscribed', 'unsubscribed']) }),
  z.object({ kind: z.literal('reminder'), what: z.enum(['created', 'sent', 'failed', 'cancelled']) }),
  z.object({
    kind: z.literal('announcement'),
    what: z.literal('created'),
    recipients: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('announcement'), what: z.enum(['sent', 'failed', 'blocked']) }),
  /** postal return requests and talks with a person (issue «Results by post…») */
  z.object({ kind: z.enum(['postal', 'handoff']), what: id }),
]);
export type UsageEvent = z.infer<typeof usageEventSchema>;

/** Who caused an event, for unique counts (hashed before it is stored), and on which village. */
export interface UsageSource {
  readonly user: UserRef;
  readonly village?: string | undefined;
}

/**
 * The one port every feature and service counts through. Recording never fails and never delays a
 * reply: it is queued on the connection and pipelined; a failure is logged and the event is lost.
 */
export interface UsageLog {
  record(event: UsageEvent, at: number, by?: UsageSource): void;
  /** «xóa dữ liệu của tôi»: the resident's salted hash is forgotten (the counts stay, they name nobody) */
  forget(user: UserRef): Promise<void>;
}

/** For tests and tools that count nothing. */
export const NO_USAGE_LOG: UsageLog = {
  record() {},
  forget: async () => {},
};

/** Whose unique count: everyone, one channel's people, or one village's. */
export type UniqueScope =
  | { readonly all: true }
  | { readonly channel: string }
  | { readonly village: string };

/** What reports read back; `days` are yyyymmdd days in Vietnam. */
export interface UsageReader {
  /** each day's counters (an empty object for a day without events), in the order asked */
  counters(days: readonly string[]): Promise<Record<string, number>[]>;
  /** different people over all these days together (HyperLogLog: within about 1 %) */
  unique(scope: UniqueScope, days: readonly string[]): Promise<number>;
  /** different people on each day, in the order asked */
  uniquePerDay(days: readonly string[]): Promise<number[]>;
  /** the questions kept over these days, with how often each was asked, most frequent first */
  texts(
    result: 'unanswered' | 'outside',
    days: readonly string[],
    limit: number,
  ): Promise<{ text: string; count: number }[]>;
}
