import { fold, syllables } from './normalize';

/** A day in the Vietnamese calendar (UTC+7), as counted from 1970-01-01. */
export interface VnDay {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function vnDayOf(ms: number): VnDay {
  const local = new Date(ms + VN_OFFSET_MS);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** The instant of `hour`:00 on that Vietnamese day. */
export const vnDayStart = (day: VnDay, hour = 0): number =>
  Date.UTC(day.y, day.m - 1, day.d, hour) - VN_OFFSET_MS;

const addDays = (day: VnDay, days: number): VnDay => vnDayOf(vnDayStart(day) + days * DAY_MS);

const RELATIVE: Record<string, number> = {
  'hom nay': 0,
  'hom qua': 0 - 1,
  'hom kia': -2,
  today: 0,
  yesterday: -1,
};

/**
 * A day that has passed or is today, as residents say when something happened: «20/11», «20/11/2026»,
 * «hôm qua», «3 ngày trước». A day-month without a year is this year's, or last year's when it is still
 * to come. undefined for anything else (never a guess), including a day in the future.
 */
export function parsePastDay(text: string, now: number): VnDay | undefined {
  const today = vnDayOf(now);
  const said = syllables(text).map(fold).join(' ');
  for (const [words, offset] of Object.entries(RELATIVE))
    if (said.includes(words)) return addDays(today, offset);
  const ago = /(\d{1,3}) (?:ngay|hom) (?:truoc|roi)/.exec(said);
  if (ago) return addDays(today, -Number(ago[1]));
  const date = /(?:^|\D)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?(?!\d)/.exec(text);
  if (!date) return undefined;
  const d = Number(date[1]);
  const m = Number(date[2]);
  const year = date[3] === undefined ? undefined : Number(date[3].length === 2 ? `20${date[3]}` : date[3]);
  const candidate = (y: number): VnDay | undefined => {
    const day = { y, m, d };
    const back = vnDayOf(vnDayStart(day));
    return back.y === y && back.m === m && back.d === d ? day : undefined;
  };
  const isFuture = (day: VnDay) => vnDayStart(day) > vnDayStart(today);
  if (year !== undefined) {
    const day = candidate(year);
    return day && !isFuture(day) ? day : undefined;
  }
  const thisYear = candidate(today.y);
  if (thisYear && !isFuture(thisYear)) return thisYear;
  const lastYear = candidate(today.y - 1);
  return lastYear;
}

export { addDays as addVnDays };
