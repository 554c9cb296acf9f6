/**
 * Civil dates and times in Vietnam (Asia/Ho_Chi_Minh: UTC+07:00 all year, no daylight saving).
 * Everything is computed from UTC fields shifted by seven hours, never from the process's local
 * time zone, so a server set to UTC or New York gives the same answers as one in Hanoi.
 */

export const VN_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;
const OFFSET_MS = VN_OFFSET_MINUTES * MINUTE_MS;

export interface CivilDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export interface CivilDateTime extends CivilDate {
  readonly hh: number;
  readonly mm: number;
  readonly ss: number;
}

/** Julian day number of a Gregorian date: a day count that makes date arithmetic plain subtraction. */
export function toJd({ y, m, d }: CivilDate): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return (
    d +
    Math.floor((153 * mm + 2) / 5) +
    365 * yy +
    Math.floor(yy / 4) -
    Math.floor(yy / 100) +
    Math.floor(yy / 400) -
    32045
  );
}

export function fromJd(jd: number): CivilDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    d: e - Math.floor((153 * m + 2) / 5) + 1,
    m: m + 3 - 12 * Math.floor(m / 10),
    y: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** 1 = Monday … 7 = Sunday, the order of a Vietnamese week (thứ Hai … Chủ Nhật). */
export function isoWeekday(jd: number): number {
  return (jd % 7) + 1;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function dateExists({ y, m, d }: CivilDate): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The wall clock in Vietnam at an instant. */
export function vnCivil(instant: Date): CivilDateTime {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    y: shifted.getUTCFullYear(),
    m: shifted.getUTCMonth() + 1,
    d: shifted.getUTCDate(),
    hh: shifted.getUTCHours(),
    mm: shifted.getUTCMinutes(),
    ss: shifted.getUTCSeconds(),
  };
}

/** The instant when Vietnam's wall clock shows this date and time. */
export function vnInstant(t: CivilDateTime): Date {
  return new Date(Date.UTC(t.y, t.m - 1, t.d, t.hh, t.mm, t.ss) - OFFSET_MS);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** e.g. 2026-12-11T08:00:00+07:00 */
export function formatWhenIso(instant: Date): string {
  const t = vnCivil(instant);
  return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}T${pad(t.hh)}:${pad(t.mm)}:${pad(t.ss)}+07:00`;
}

export const WEEKDAY_NAMES = [
  'Thứ Hai',
  'Thứ Ba',
  'Thứ Tư',
  'Thứ Năm',
  'Thứ Sáu',
  'Thứ Bảy',
  'Chủ Nhật',
] as const;

export function weekdayName(jd: number): string {
  return WEEKDAY_NAMES[isoWeekday(jd) - 1]!;
}

/** e.g. 11/12/2026 */
export function formatDay(date: CivilDate): string {
  return `${pad(date.d)}/${pad(date.m)}/${date.y}`;
}

/** e.g. 08:00 */
export function formatClock(hh: number, mm: number): string {
  return `${pad(hh)}:${pad(mm)}`;
}

export const ENGLISH_WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The language a date is written for: the bot's Vietnamese, or English for residents who chose it. */
export type DateLanguage = 'vi' | 'en';

/**
 * A day as its reader reads it: "11/12/2026" in Vietnamese; "11 December 2026" in English, with the
 * month's name (an American reads 11/12 as November 12).
 */
export function formatDayIn(date: CivilDate, language: DateLanguage): string {
  return language === 'en' ? `${date.d} ${ENGLISH_MONTHS[date.m - 1]} ${date.y}` : formatDay(date);
}

/** As a resident reads it: "Thứ Sáu, 11/12/2026 lúc 08:00"; "Friday 11 December 2026 at 08:00". */
export function formatWhenWords(instant: Date, language: DateLanguage = 'vi'): string {
  const t = vnCivil(instant);
  const clock = formatClock(t.hh, t.mm);
  if (language === 'en')
    return `${ENGLISH_WEEKDAYS[isoWeekday(toJd(t)) - 1]} ${formatDayIn(t, 'en')} at ${clock}`;
  return `${weekdayName(toJd(t))}, ${formatDay(t)} lúc ${clock}`;
}
