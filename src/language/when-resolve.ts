/**
 * Turns the pieces found in a message into one instant in Vietnam, or a refusal that asks back.
 * Never guesses: two different days, a clock hour that could be morning or afternoon, a day a
 * month lacks, all get a question instead of an answer.
 */
import {
  type CivilDate,
  dateExists,
  daysInMonth,
  fromJd,
  isoWeekday,
  toJd,
  vnCivil,
  vnInstant,
} from './when-calendar';
import { jdOfLunar, type LunarDate, lunarMonthLength, lunarMonthStart, lunarOf } from './when-lunar';
import { whenMessages as say } from './when-messages';
import type { Calendar, CalendarDay, DayPart, Piece } from './when-pieces';

export type RefusalReason = 'past' | 'too-far' | 'invalid' | 'unclear';

export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  readonly message: string;
}

export interface Resolved {
  readonly ok: true;
  readonly at: Date;
  readonly timeGiven: boolean;
  /** the lunar date, when the resident named the day in the lunar calendar */
  readonly lunar?: LunarDate;
}

/**
 * Hours used when the resident names only a time of day. "đêm" has none: a night reminder
 * is asked about rather than put at an hour the resident did not choose.
 */
export const DEFAULT_HOURS: Readonly<Record<Exclude<DayPart, 'đêm'>, number>> = {
  sáng: 8,
  trưa: 12,
  chiều: 14,
  tối: 19,
};
/** The hour of a reminder for a day named without a time. */
export const DEFAULT_HOUR = 8;

const refuse = (reason: RefusalReason, message: string): Refusal => ({ ok: false, reason, message });

interface Day {
  readonly jd: number;
  readonly lunar?: boolean;
}

interface Today extends CivilDate {
  readonly jd: number;
}

function addMonths(today: CivilDate, months: number): { y: number; m: number } {
  const index = today.y * 12 + (today.m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

function maxDaysEver(month: number): number {
  return month === 2 ? 29 : daysInMonth(2000, month);
}

function solarDay(date: CalendarDay, today: Today): Day | Refusal {
  const { day, month, monthShift, year, yearShift } = date;
  if (day < 1 || day > 31) return refuse('invalid', say.noSuchDay(day));
  if (month !== undefined) {
    if (month < 1 || month > 12) return refuse('invalid', say.noSuchMonth(month));
    if (day > maxDaysEver(month)) return refuse('invalid', say.noSuchDate(day, month));
    const notYetThisYear = month > today.m || (month === today.m && day >= today.d);
    const y =
      year ?? (yearShift !== undefined ? today.y + yearShift : notYetThisYear ? today.y : today.y + 1);
    if (!dateExists({ y, m: month, d: day })) return refuse('invalid', say.noSuchDateThatYear(day, month, y));
    return { jd: toJd({ y, m: month, d: day }) };
  }
  if (year !== undefined || yearShift !== undefined) return refuse('unclear', say.monthWithoutDay());
  const shift = monthShift ?? (day >= today.d ? 0 : 1);
  const { y, m } = addMonths(today, shift);
  if (day > daysInMonth(y, m)) {
    // "ngày 31" in a 30-day month: the resident may mean the 30th or next month's 31st; ask.
    return refuse(monthShift === undefined ? 'unclear' : 'invalid', say.monthTooShort(day, m, y));
  }
  return { jd: toJd({ y, m, d: day }) };
}

export function lunarMonthName(month: number): string {
  if (month === 1) return 'tháng Giêng';
  if (month === 12) return 'tháng Chạp';
  return `tháng ${month}`;
}

function lunarDay(date: CalendarDay, today: Today): Day | Refusal {
  const { day, monthShift, year, yearShift } = date;
  if (day < 1 || day > 30) return refuse('invalid', say.noSuchLunarDay(day));
  const now = lunarOf(today.jd);
  // In the lunar calendar "tháng Một" is the 11th month (tháng Giêng is the first).
  const month = date.monthIsMot ? 11 : date.month;
  if (month !== undefined) {
    if (month < 1 || month > 12) return refuse('invalid', say.noSuchMonth(month));
    if (date.leapMonth) return leapMonthDay(day, month, now.year);
    // "tháng 6" is the regular month: after a leap 6th month has begun, the regular one is past.
    const notYetThisYear = month > now.month || (month === now.month && !now.leap && day >= now.day);
    const y =
      year ?? (yearShift !== undefined ? now.year + yearShift : notYetThisYear ? now.year : now.year + 1);
    const jd = jdOfLunar({ day, month, year: y, leap: false });
    if (jd === undefined) return refuse('invalid', say.noSuchLunarDate(day, lunarMonthName(month), y));
    return { jd, lunar: true };
  }
  if (year !== undefined || yearShift !== undefined) return refuse('unclear', say.monthWithoutDay());
  // A day alone, or "tháng này/sau": months as they come, a leap month included.
  let start = lunarMonthStart(today.jd);
  if (monthShift === 1 || (monthShift === undefined && day < now.day)) start += lunarMonthLength(start);
  if (day > lunarMonthLength(start)) return refuse('unclear', say.lunarMonthTooShort(day));
  return { jd: start + day - 1, lunar: true };
}

/** "mùng 1 tháng 6 nhuận": this lunar year's leap month, or next year's when this year has none. */
function leapMonthDay(day: number, month: number, year: number): Day | Refusal {
  for (const y of [year, year + 1]) {
    const jd = jdOfLunar({ day, month, year: y, leap: true });
    if (jd !== undefined) return { jd, lunar: true };
  }
  return refuse('invalid', say.noSuchLeapMonth(lunarMonthName(month)));
}

function calendarDay(date: CalendarDay, mark: Calendar | undefined, today: Today): Day | Refusal {
  if (date.sure && mark !== undefined && mark !== date.calendar) return refuse('unclear', say.lunarOrSolar());
  const calendar = date.sure ? date.calendar : (mark ?? date.calendar);
  return calendar === 'lunar' ? lunarDay(date, today) : solarDay(date, today);
}

function weekdayDay(weekday: number, shift: number | undefined, today: Today): number {
  const todayWeekday = isoWeekday(today.jd);
  if (shift === undefined) return today.jd + ((weekday - todayWeekday + 7) % 7 || 7);
  const monday = today.jd - (todayWeekday - 1);
  return monday + 7 * shift + weekday - 1;
}

function distinct<T>(values: readonly T[], key: (v: T) => string = String): T[] {
  const seen = new Map<string, T>();
  for (const v of values) if (!seen.has(key(v))) seen.set(key(v), v);
  return [...seen.values()];
}

type Clock = Extract<Piece, { kind: 'clock' }>;

/** The 24-hour reading of "2 giờ chiều", "10 giờ đêm", "12 giờ trưa"; a day later for past midnight. */
function applyPart(hour: number, part: DayPart | undefined): { hour: number; dayShift: number } | undefined {
  const at = (h: number, dayShift = 0) => ({ hour: h, dayShift });
  switch (part) {
    case undefined:
      return at(hour);
    case 'sáng':
      return hour <= 11 ? at(hour) : undefined;
    case 'trưa':
      if (hour >= 10 && hour <= 14) return at(hour);
      return hour >= 1 && hour <= 2 ? at(hour + 12) : undefined;
    case 'chiều':
      if (hour >= 1 && hour <= 11) return at(hour + 12);
      return hour >= 12 ? at(hour) : undefined;
    case 'tối':
      if (hour >= 4 && hour <= 11) return at(hour + 12);
      if (hour === 12) return at(0, 1);
      return hour >= 16 ? at(hour) : undefined;
    case 'đêm':
      if (hour >= 7 && hour <= 11) return at(hour + 12);
      if (hour === 12) return at(0, 1);
      if (hour <= 5) return at(hour, 1);
      return hour >= 19 ? at(hour) : undefined;
  }
}

interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly dayShift: number;
  readonly given: boolean;
}

function timeOfDay(clocks: readonly Clock[], parts: readonly DayPart[]): TimeOfDay | Refusal | undefined {
  const clockList = distinct(clocks, (c) => `${c.hour}:${c.minute}:${c.part ?? ''}`);
  if (clockList.length > 1) {
    const [a, b] = clockList as [Clock, Clock];
    const show = (c: Clock) => `${c.hour} giờ${c.minute ? ` ${c.minute}` : ''}${c.part ? ` ${c.part}` : ''}`;
    return refuse('unclear', say.twoTimes(show(a), show(b)));
  }
  const partList = distinct([...parts, ...clockList.flatMap((c) => (c.part ? [c.part] : []))]);
  if (partList.length > 1) return refuse('unclear', say.twoTimes(partList[0]!, partList[1]!));
  const part = partList[0];
  const clock = clockList[0];
  if (clock) {
    if (clock.hour < 0 || clock.hour > 23 || clock.minute < 0 || clock.minute > 59) {
      return refuse('invalid', say.noSuchTime(clock.hour, clock.minute));
    }
    if (part === undefined && clock.hour >= 1 && clock.hour <= 5 && !clock.padded) {
      return refuse('unclear', say.morningOrAfternoon(clock.hour));
    }
    const fitted = applyPart(clock.hour, part);
    if (!fitted) return refuse('unclear', say.timeDoesNotFitPart(clock.hour, part ?? ''));
    return { hour: fitted.hour, minute: clock.minute, dayShift: fitted.dayShift, given: true };
  }
  if (part === 'đêm') return refuse('unclear', say.askTimeAtNight());
  if (part) return { hour: DEFAULT_HOURS[part], minute: 0, dayShift: 0, given: false };
  return undefined;
}

/** The day the pieces name, if any; a weekday next to a date is a check on it, not a second day. */
function namedDay(pieces: readonly Piece[], today: Today): Day | Refusal | undefined {
  const marks = distinct(pieces.flatMap((p) => (p.kind === 'calendar' ? [p.calendar] : [])));
  if (marks.length > 1) return refuse('unclear', say.lunarOrSolar());
  const weekdays = distinct(pieces.flatMap((p) => (p.kind === 'weekday' ? [p.weekday] : [])));
  const weeks = distinct(pieces.flatMap((p) => (p.kind === 'week' ? [p.shift] : [])));
  if (weekdays.length > 1 || weeks.length > 1) return refuse('unclear', say.whichWeekday());
  const weekday = weekdays[0];
  const weekShift = weeks[0];

  const days: Day[] = [];
  for (const p of pieces) {
    let day: Day | Refusal | undefined;
    if (p.kind === 'relative-days') day = { jd: today.jd + p.days };
    else if (p.kind === 'relative-months') {
      const { y, m } = addMonths(today, p.months);
      day = dateExists({ y, m, d: today.d })
        ? { jd: toJd({ y, m, d: today.d }) }
        : refuse('unclear', say.monthTooShort(today.d, m, y));
    } else if (p.kind === 'date') day = calendarDay(p.date, marks[0], today);
    if (day && 'ok' in day) return day;
    if (day) days.push(day);
  }
  if (weekShift !== undefined) {
    if (weekday === undefined && weekShift < 1) {
      return weekShift < 0 ? refuse('past', say.alreadyPast()) : refuse('unclear', say.whichWeekday());
    }
    // "tuần sau" (or "tuần sau nữa") alone is the Monday it starts with.
    days.push({ jd: weekdayDay(weekday ?? 1, weekShift, today) });
  } else if (weekday !== undefined && days.length === 0) {
    days.push({ jd: weekdayDay(weekday, undefined, today) });
  }

  const unique = distinct(days, (d) => String(d.jd));
  if (unique.length > 1) return refuse('unclear', say.twoDays(fromJd(unique[0]!.jd), fromJd(unique[1]!.jd)));
  const day = unique[0];
  if (day && weekday !== undefined && isoWeekday(day.jd) !== weekday) {
    return refuse('unclear', say.weekdayMismatch(fromJd(day.jd), isoWeekday(day.jd), weekday));
  }
  return day;
}

export function resolve(pieces: readonly Piece[], now: Date, maxAheadDays: number): Resolved | Refusal {
  const civil = vnCivil(now);
  const today: Today = { y: civil.y, m: civil.m, d: civil.d, jd: toJd(civil) };
  const bad = pieces.find((p) => p.kind === 'bad-weekday');
  if (bad?.kind === 'bad-weekday') return refuse('invalid', say.noSuchWeekday(bad.said));

  const spans = pieces.flatMap((p) => (p.kind === 'after' ? [p.minutes] : []));
  if (spans.length > 0) {
    if (spans.length > 1 || pieces.some((p) => p.kind !== 'after')) {
      return refuse('unclear', say.timeAndSpanTogether());
    }
    if (spans[0]! <= 0) return refuse('unclear', say.unclear());
    const at = new Date(Math.floor(now.getTime() / 1000) * 1000 + spans[0]! * 60_000);
    const jd = toJd(vnCivil(at));
    if (jd - today.jd > maxAheadDays) return refuse('too-far', say.tooFar(fromJd(jd), maxAheadDays));
    return { ok: true, at, timeGiven: true };
  }

  const day = namedDay(pieces, today);
  if (day && 'ok' in day) return day;
  const clocks = pieces.filter((p): p is Clock => p.kind === 'clock');
  const parts = pieces.flatMap((p) => (p.kind === 'part' ? [p.part] : []));
  const time = timeOfDay(clocks, parts);
  if (time && 'ok' in time) return time;
  if (!day && !time) return refuse('unclear', say.unclear());

  const { hour, minute, dayShift, given } = time ?? {
    hour: DEFAULT_HOUR,
    minute: 0,
    dayShift: 0,
    given: false,
  };
  const jd = (day?.jd ?? today.jd) + dayShift;
  const date = fromJd(jd);
  const at = vnInstant({ ...date, hh: hour, mm: minute, ss: 0 });
  if (jd - today.jd > maxAheadDays) return refuse('too-far', say.tooFar(date, maxAheadDays));
  if (at.getTime() <= now.getTime()) {
    if (jd < today.jd) return refuse('past', say.dayPassed(date));
    if (!given) return refuse('unclear', say.askTimeToday(hour, minute));
    if (!day) return refuse('past', say.timePassedToday(hour, minute));
    return refuse('past', say.timePassed(date, hour, minute));
  }
  return { ok: true, at, timeGiven: given, ...(day?.lunar ? { lunar: lunarOf(jd) } : {}) };
}
