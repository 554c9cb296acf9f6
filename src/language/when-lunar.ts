/**
 * The Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch"; new moons and solar terms after Jean Meeus, Astronomical Algorithms, 1998).
 * Vietnam reckons new moons at the UTC+07:00 meridian, China at UTC+08:00, so the two calendars
 * differ in some years (Tết 1985, Tết 2007): a Chinese-calendar library would be wrong here.
 * Days are Julian day numbers (see when-calendar.ts); nothing here depends on the process's time zone.
 */
import { fromJd, toJd } from './when-calendar';

const TIME_ZONE = 7;
const DEG = Math.PI / 180;

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  /** a leap month (tháng nhuận) repeats the number of the month before it */
  readonly leap: boolean;
}

/** Instant (Julian date, UTC) of the k-th new moon after the one of 1900-01-01 13:52 UTC. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Longitude of the sun (radians, 0 … 2π) at a Julian date. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const L = (L0 + DL) * DEG;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** The major solar term (0 … 11) in force at local midnight starting a day. */
function solarTermAt(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** The day (local) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** First day of the lunar month 11 (the month holding the winter solstice) before the end of a year. */
function lunarMonth11(year: number): number {
  const k = Math.floor((toJd({ y: year, m: 12, d: 31 }) - 2415021) / 29.530588853);
  const nm = newMoonDay(k);
  return solarTermAt(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Which month after month 11 is the leap one, in a year of 13 months: the first holding no major term. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = solarTermAt(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermAt(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export function lunarOf(jd: number): LunarDate {
  const k = Math.floor((jd - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > jd) monthStart = newMoonDay(k);
  const { y } = fromJd(jd);
  let a11 = lunarMonth11(y);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = y;
    a11 = lunarMonth11(y - 1);
  } else {
    year = y + 1;
    b11 = lunarMonth11(y + 1);
  }
  const day = jd - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * The Julian day number of a lunar date, or undefined when that date does not exist
 * (day 30 of a 29-day month, or a leap month the year does not have).
 */
export function jdOfLunar(date: LunarDate): number | undefined {
  const { day, month, year, leap } = date;
  if (!Number.isInteger(day) || day < 1 || day > 30 || month < 1 || month > 12) return undefined;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const jd = newMoonDay(k + off) + day - 1;
  // The algorithm happily counts past a month's end; the round trip tells whether the day exists.
  const back = lunarOf(jd);
  return back.day === day && back.month === month && back.year === year && back.leap === leap
    ? jd
    : undefined;
}

/** First day of the lunar month holding a day. */
export function lunarMonthStart(jd: number): number {
  return jd - lunarOf(jd).day + 1;
}

/** Number of days (29 or 30) of the lunar month starting on a day. */
export function lunarMonthLength(startJd: number): number {
  return lunarOf(startJd + 29).day === 1 ? 29 : 30;
}
