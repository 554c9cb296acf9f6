import { VIETNAM_OFFSET_MS } from './vietnam-day';

const DAY_MS = 86_400_000;

/** Midnight in Vietnam of a yyyymmdd day, as epoch ms. */
export function vietnamMidnight(day: string): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(4, 6));
  const d = Number(day.slice(6, 8));
  return Date.UTC(y, m - 1, d) - VIETNAM_OFFSET_MS;
}

/** When a day's statistics expire: `retentionDays` whole days after the day ended (epoch seconds). */
export function expiryOf(day: string, retentionDays: number): number {
  return Math.floor((vietnamMidnight(day) + (retentionDays + 1) * DAY_MS) / 1000);
}

/** The last day of a yyyymm month, as yyyymmdd. */
export function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}${String(days).padStart(2, '0')}`;
}

/** A day as a number that grows by one a day (days since 1970-01-01). */
export const dayNumber = (day: string): number =>
  Math.round((vietnamMidnight(day) + VIETNAM_OFFSET_MS) / DAY_MS);

/** yyyymmdd ↔ YYYY-MM-DD */
export const isoDay = (day: string): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
export const compactDay = (iso: string): string => iso.replaceAll('-', '');

/**
 * Splits consecutive days into the months they cover entirely (yyyymm) and the days left over, so a
 * union over a year reads twelve month keys instead of 365 day keys.
 */
export function monthsCovering(days: readonly string[]): { months: string[]; rest: string[] } {
  const byMonth = new Map<string, string[]>();
  for (const day of days) {
    const month = day.slice(0, 6);
    const list = byMonth.get(month) ?? [];
    list.push(day);
    byMonth.set(month, list);
  }
  const months: string[] = [];
  const rest: string[] = [];
  for (const [month, list] of byMonth) {
    const whole = list.length === Number(lastDayOf(month).slice(6)) && new Set(list).size === list.length;
    if (whole) months.push(month);
    else rest.push(...list);
  }
  return { months, rest };
}
