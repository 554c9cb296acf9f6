import { fold, syllables } from './normalize';
import {
  type CivilDate,
  dateExists,
  ENGLISH_MONTHS,
  fromJd,
  toJd,
  vnCivil,
  vnInstant,
} from './when-calendar';

/** A day of the calendar in Vietnam. */
export type VnDay = CivilDate;

export function vnDayOf(ms: number): VnDay {
  const { y, m, d } = vnCivil(new Date(ms));
  return { y, m, d };
}

/** The instant of `hour`:00 on that Vietnamese day. */
export const vnDayStart = (day: VnDay, hour = 0): number =>
  vnInstant({ ...day, hh: hour, mm: 0, ss: 0 }).getTime();

const addDays = (day: VnDay, days: number): VnDay => fromJd(toJd(day) + days);

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
  const ago = /(\d{1,3}) (?:(?:ngay|hom) (?:truoc|roi)|days? ago)/.exec(said);
  if (ago) return addDays(today, -Number(ago[1]));
  const date = /(?:^|\D)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?(?!\d)/.exec(
    withMonthNumbers(text),
  );
  if (!date) return undefined;
  const d = Number(date[1]);
  const m = Number(date[2]);
  const year = date[3] === undefined ? undefined : Number(date[3].length === 2 ? `20${date[3]}` : date[3]);
  const candidate = (y: number): VnDay | undefined => (dateExists({ y, m, d }) ? { y, m, d } : undefined);
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

const MONTH = `(${ENGLISH_MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})`;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\\.?(?:,? (\\d{4}))?\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'i');
const monthNumber = (name: string): number =>
  ENGLISH_MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.slice(0, 3).toLowerCase())) + 1;

/** «ngày 3 tháng 5 (năm 2026)», «mùng 3 tháng 5», typed with or without marks (a solar date). */
const VN_DAY_MONTH = /(?:^|\D)(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}|\d{2}))?(?!\d)/;

/**
 * «ngày 3 tháng 5», «20 November», «November 20th, 2026» (a resident who chose English) as 3/5, 20/11 or
 * 20/11/2026.
 */
function withMonthNumbers(text: string): string {
  const vn = VN_DAY_MONTH.exec(syllables(text).map(fold).join(' '));
  if (vn) return `${vn[1]}/${vn[2]}${vn[3] ? `/${vn[3]}` : ''}`;
  const numeric = (day: string, month: string, year?: string) =>
    `${day}/${monthNumber(month)}${year ? `/${year}` : ''}`;
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) return numeric(dayMonth[1]!, dayMonth[2]!, dayMonth[3]);
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return numeric(monthDay[2]!, monthDay[1]!, monthDay[3]);
  return text;
}

export { addDays as addVnDays };
