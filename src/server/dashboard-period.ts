import { z } from 'zod';
import { HELP_MAX_DAYS } from '../core/help-log';
import { isoDay, lastDayOf } from '../core/usage-days';
import { LOCALES, type Locale } from '../core/user';
import { vietnamDay } from '../core/vietnam-day';

/** The query every dashboard page and download reads: a period and a language, each optional. */
export const dashboardQuerySchema = z.object({
  from: z.string().max(32).optional(),
  to: z.string().max(32).optional(),
  // An unknown language is not an error: the page is in Vietnamese.
  lang: z.enum(LOCALES).optional().catch(undefined),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const localeOf = (query: DashboardQuery): Locale => query.lang ?? 'vi';

/** A period of whole days in Vietnam, YYYY-MM-DD, both included. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** Why a period cannot be reported: a Fluent key (dashboard-*) and its arguments. */
export interface PeriodProblem {
  readonly key: string;
  readonly args?: Record<string, number>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Midnight UTC of a real YYYY-MM-DD day (not 2026-02-30), else undefined. */
function dayStart(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(at).toISOString().slice(0, 10) === day ? at : undefined;
}

/** The month in Vietnam at `now`, first to last day: the period shown when none is asked. */
export function thisMonth(now: number): Period {
  const month = vietnamDay(now).slice(0, 6);
  return { from: isoDay(`${month}01`), to: isoDay(lastDayOf(month)) };
}

/** Today in Vietnam, YYYY-MM-DD (the page's quick periods count from it). */
export const today = (now: number): string => isoDay(vietnamDay(now));

/** The period asked for (this month when none), or why it cannot be reported. */
export function periodOf(query: DashboardQuery, now: number): Period | PeriodProblem {
  const { from, to } = query;
  if (!from && !to) return thisMonth(now);
  if (!from || !to) return { key: 'dashboard-half-period' };
  const start = dayStart(from);
  const end = dayStart(to);
  if (start === undefined || end === undefined) return { key: 'dashboard-bad-date' };
  if (end < start) return { key: 'dashboard-bad-order' };
  if ((end - start) / DAY_MS + 1 > HELP_MAX_DAYS) {
    return { key: 'dashboard-too-long', args: { days: HELP_MAX_DAYS } };
  }
  return { from, to };
}

export const isProblem = (p: Period | PeriodProblem): p is PeriodProblem => 'key' in p;

/** The attachment name of a download: bao-cao-2026-01-01-2026-12-31.docx */
export const reportFileName = (period: Period, ext: string): string =>
  `bao-cao-${period.from}-${period.to}.${ext}`;
