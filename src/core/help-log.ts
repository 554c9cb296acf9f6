import { z } from 'zod';
import { VIETNAM_OFFSET_MS, vietnamDay } from './vietnam-day';

/** The topic of a session that was about none of the procedures offered («Việc khác»). */
export const HELP_OTHER_TOPIC = 'khac';
/** The longest span `totals` sums: ten years and a few leap days. */
export const HELP_MAX_DAYS = 3660;

const id = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/**
 * One session in which a village team member helped a resident (at the cultural house, at home…).
 * Deliberately nothing about a person: no resident's name or number, not even the member's id; only
 * what is counted for the commune's report.
 */
export const helpSessionSchema = z
  .object({
    /** the village id (content/commune.yaml) */
    village: id,
    /** a topic id from content/topics, or HELP_OTHER_TOPIC */
    topic: id,
    /** the application was filed online (Cổng Dịch vụ công) */
    filedOnline: z.boolean(),
    /** the result is to come back by post (Bưu điện) */
    postalReturn: z.boolean(),
    /** a VNeID account was activated */
    vneidActivated: z.boolean(),
    /** when (ms); counted on its day in Vietnam */
    at: z.number().int().nonnegative(),
  })
  .strict();
export type HelpSession = z.infer<typeof helpSessionSchema>;

/** Sessions, and how many of them answered yes to each question. */
export interface HelpCounts {
  sessions: number;
  online: number;
  postal: number;
  vneid: number;
}

/** What a report reads for a span of days: only days, villages and topics with a session appear. */
export interface HelpTotals extends HelpCounts {
  /** yyyymmdd, as asked */
  readonly from: string;
  readonly to: string;
  readonly byVillage: Record<string, HelpCounts>;
  readonly byTopic: Record<string, HelpCounts>;
  /** yyyymmdd (a day in Vietnam) → counts */
  readonly byDay: Record<string, HelpCounts>;
}

/** The village teams' help log: anonymous counts per day, village and topic. */
export interface HelpLog {
  record(session: HelpSession): Promise<void>;
  /** from/to: yyyymmdd days in Vietnam, both included, at most HELP_MAX_DAYS of them */
  totals(from: string, to: string): Promise<HelpTotals>;
}

export const emptyHelpCounts = (): HelpCounts => ({ sessions: 0, online: 0, postal: 0, vneid: 0 });

const DAY_MS = 86_400_000;

/** Midnight UTC of a yyyymmdd day, or undefined when it is not a real date (20260230). */
function dayStart(day: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (!m) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return vietnamDay(at - VIETNAM_OFFSET_MS) === day ? at : undefined;
}

/** Every day from `from` to `to` (yyyymmdd, both included); a RangeError for a bad or too long span. */
export function helpDays(from: string, to: string): string[] {
  const start = dayStart(from);
  const end = dayStart(to);
  if (start === undefined || end === undefined) throw new RangeError(`not a day: ${from}…${to}`);
  if (end < start) throw new RangeError(`${to} is before ${from}`);
  const count = (end - start) / DAY_MS + 1;
  if (count > HELP_MAX_DAYS) throw new RangeError(`${count} days: at most ${HELP_MAX_DAYS}`);
  return Array.from({ length: count }, (_, i) => vietnamDay(start + i * DAY_MS - VIETNAM_OFFSET_MS));
}
