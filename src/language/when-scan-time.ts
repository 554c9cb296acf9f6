/**
 * Recognizers for times: "8h30", "14:00", "2 giờ chiều", "9 giờ kém 15", "sáng", "buổi tối",
 * and spans from now: "30 phút nữa", "2 tiếng nữa", "sau 3 ngày", "1 tuần nữa".
 */
import type { DayPart, Found, Recognizer } from './when-pieces';
import { isWord, type NumberMatch, readNumber, type Token } from './when-tokens';

const DAY_PARTS: readonly DayPart[] = ['sáng', 'trưa', 'chiều', 'tối', 'đêm'];
// Bare "sang", "chieu", "toi", "dem" are also "sang" (go over), "chiếu", "tôi" (I), "đem" (bring):
// typed bare, they count as a time of day only where a time of day is expected.
const UNAMBIGUOUS_BARE_PARTS = new Set<DayPart>(['trưa']);

function partAt(token: Token | undefined): DayPart | undefined {
  return DAY_PARTS.find((p) => isWord(token, p));
}

function isDayWordAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  return (
    isWord(t, 'nay', 'mai', 'mốt', 'kia', 'hôm', 'ngày', 'thứ', 'chủ', 'chúa', 'cn', 'mùng', 'mồng', 'rằm') ||
    /^(?:t|th|thu)[2-7]$/.test(t.bare) ||
    /^\d{1,2}[/-]\d{1,2}/.test(t.text)
  );
}

/** Units written onto the number: "30p", "2h", "2tieng". */
const JOINED_UNITS: Record<string, number> = { p: 1, ph: 1, phut: 1, h: 60, g: 60, gio: 60, tieng: 60 };
/** Units written as a word: "30 phút", "2 tiếng", "2 giờ" (minutes each). */
const WORD_UNITS: Record<string, number> = { phút: 1, tiếng: 60, giờ: 60 };
const DAY_UNITS: Record<string, { days?: number; months?: number }> = {
  ngày: { days: 1 },
  hôm: { days: 1 },
  tuần: { days: 7 },
  tháng: { months: 1 },
  năm: { months: 12 },
};

interface Amount {
  minutes: number;
  days: number;
  months: number;
}

/** "2 tiếng", "30 phút", "nửa tiếng", "1 tiếng rưỡi", "3 ngày", "2h", "30p" at tokens[i]. */
function readAmount(tokens: readonly Token[], i: number): { amount: Amount; length: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const joined = /^(\d{1,3})(p|ph|phut|h|g|gio|tieng)$/.exec(t.bare);
  if (joined) {
    return {
      amount: { minutes: Number(joined[1]) * JOINED_UNITS[joined[2]!]!, days: 0, months: 0 },
      length: 1,
    };
  }
  let n: NumberMatch | undefined = readNumber(tokens, i);
  let half = false;
  if (!n && isWord(t, 'nửa')) {
    n = { value: 0, length: 1, padded: false };
    half = true;
  }
  if (!n) return undefined;
  const u = tokens[i + n.length];
  const minuteUnit = Object.keys(WORD_UNITS).find((w) => isWord(u, w));
  if (minuteUnit) {
    const per = WORD_UNITS[minuteUnit]!;
    const andHalf = per === 60 && isWord(tokens[i + n.length + 1], 'rưỡi');
    const minutes = n.value * per + (half || andHalf ? per / 2 : 0);
    return { amount: { minutes, days: 0, months: 0 }, length: n.length + 1 + (andHalf ? 1 : 0) };
  }
  if (half) return undefined;
  const dayUnit = Object.keys(DAY_UNITS).find((w) => isWord(u, w));
  if (!dayUnit) return undefined;
  const { days = 0, months = 0 } = DAY_UNITS[dayUnit]!;
  return { amount: { minutes: 0, days: n.value * days, months: n.value * months }, length: n.length + 1 };
}

/** "30 phút nữa", "2 tiếng nữa", "sau 3 ngày", "1 tuần nữa", "1 tiếng 30 phút nữa". */
export const after: Recognizer = (tokens, i) => {
  const leadingSau = isWord(tokens[i], 'sau');
  let j = leadingSau ? i + 1 : i;
  const total: Amount = { minutes: 0, days: 0, months: 0 };
  let any = false;
  // Only hours and minutes chain ("1 tiếng 30 phút"): "15 tháng 12 năm sau" is a date, not 15 months.
  for (let a = readAmount(tokens, j); a; a = a.amount.minutes > 0 ? readAmount(tokens, j) : undefined) {
    if (any && a.amount.minutes === 0) break;
    total.minutes += a.amount.minutes;
    total.days += a.amount.days;
    total.months += a.amount.months;
    j += a.length;
    any = true;
  }
  if (!any) return undefined;
  const trailing = isWord(tokens[j], 'nữa', 'sau');
  if (!leadingSau && !trailing) return undefined;
  if (trailing) j++;
  // "sau 2 giờ chiều" is after two in the afternoon, not two hours from now.
  if (partAt(tokens[j]) && total.minutes > 0 && !trailing) return undefined;
  if (total.months > 0 && (total.days > 0 || total.minutes > 0)) return undefined;
  if (total.months > 0) return { piece: { kind: 'relative-months', months: total.months }, to: j };
  if (total.minutes > 0)
    return { piece: { kind: 'after', minutes: total.minutes + total.days * 1440 }, to: j };
  return { piece: { kind: 'relative-days', days: total.days }, to: j };
};

/** "sáng", "buổi chiều", "tối" (before "nay", "mai", "thứ 6"… when typed bare). */
export const dayPart: Recognizer = (tokens, i) => {
  const buoi = isWord(tokens[i], 'buổi');
  const j = buoi ? i + 1 : i;
  const t = tokens[j];
  const part = partAt(t);
  if (!part || !t) return undefined;
  const clear = buoi || !t.typedBare || UNAMBIGUOUS_BARE_PARTS.has(part) || isDayWordAt(tokens, j + 1);
  return clear ? { piece: { kind: 'part', part }, to: j + 1 } : undefined;
};

interface ClockTail {
  minute: number;
  length: number;
}

/** What follows the hour: "30", "30 phút", "rưỡi", "kém 15". */
function readMinutes(tokens: readonly Token[], i: number): ClockTail {
  if (isWord(tokens[i], 'rưỡi')) return { minute: 30, length: 1 };
  if (isWord(tokens[i], 'kém')) {
    const n = readNumber(tokens, i + 1);
    if (n) {
      const unit = isWord(tokens[i + 1 + n.length], 'phút', 'p') ? 1 : 0;
      return { minute: -n.value, length: 1 + n.length + unit };
    }
  }
  const n = readNumber(tokens, i);
  if (n && n.value < 100 && !isDayOrUnitWord(tokens[i + n.length])) {
    const unit = isWord(tokens[i + n.length], 'phút', 'p') ? 1 : 0;
    return { minute: n.value, length: n.length + unit };
  }
  return { minute: 0, length: 0 };
}

function isDayOrUnitWord(t: Token | undefined): boolean {
  return isWord(t, 'ngày', 'tháng', 'năm', 'tuần', 'tiếng', 'giờ', 'nữa', 'hôm');
}

function clockPiece(
  hour: number,
  minute: number,
  padded: boolean,
  tokens: readonly Token[],
  j: number,
): Omit<Found, 'from'> {
  const part = partAt(tokens[j]);
  // "9 giờ kém 15" is 8:45.
  const [h, m] = minute < 0 && minute >= -59 ? [hour - 1, 60 + minute] : [hour, minute];
  return {
    piece: { kind: 'clock', hour: h, minute: m, padded, ...(part ? { part } : {}) },
    to: j + (part ? 1 : 0),
  };
}

/** "8h", "8h30", "8g30", "14:00", "8 giờ 30", "2 giờ chiều", "lúc 8", "tám giờ rưỡi sáng". */
export const clock: Recognizer = (tokens, i) => {
  const t = tokens[i]!;
  const colon = /^(\d{1,2}):(\d{1,2})$/.exec(t.text);
  if (colon) return clockPiece(Number(colon[1]), Number(colon[2]), colon[1]!.startsWith('0'), tokens, i + 1);
  const joined = /^(\d{1,2})(?:h|g|gio)(\d{1,2})?(?:p|ph|phut)?$/.exec(t.bare);
  if (joined) {
    const hour = Number(joined[1]);
    const padded = joined[1]!.startsWith('0') || hour === 0;
    if (joined[2] !== undefined) return clockPiece(hour, Number(joined[2]), padded, tokens, i + 1);
    const tail = readMinutes(tokens, i + 1);
    return clockPiece(hour, tail.minute, padded, tokens, i + 1 + tail.length);
  }
  const afterLuc = isWord(t, 'lúc');
  const start = afterLuc ? i + 1 : i;
  const n = readNumber(tokens, start);
  if (!n) return undefined;
  const unit = tokens[start + n.length];
  if (isWord(unit, 'giờ', 'h', 'g')) {
    const tail = readMinutes(tokens, start + n.length + 1);
    const padded = n.padded || n.value === 0;
    return clockPiece(n.value, tail.minute, padded, tokens, start + n.length + 1 + tail.length);
  }
  if (afterLuc && !isDayOrUnitWord(unit) && !isWord(unit, 'phút')) {
    return clockPiece(n.value, 0, n.padded, tokens, start + n.length);
  }
  return undefined;
};
