/**
 * Recognizers for days: "mai", "hôm nay", "thứ 6", "chủ nhật", "tuần sau", "15/12", "ngày 20 tháng 12",
 * "mùng 1 tháng 11", "rằm tháng Giêng", "mùng 1 Tết", and the calendar marks "âm lịch", "dương lịch".
 */
import type { Calendar, CalendarDay, Found, Recognizer } from './when-pieces';
import { isWord, readNumber, type Token } from './when-tokens';

const WEEKDAY_WORDS: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6, bẩy: 6 };

/** "thứ 6", "thứ sáu", "t6", "thu6", "chủ nhật", "cn". */
export const weekday: Recognizer = (tokens, i) => {
  const t = tokens[i]!;
  const joined = /^(?:t|th|thu)([2-7])$/.exec(t.bare);
  if (joined && (t.typedBare || /^thứ[2-7]$/.test(t.text))) {
    return { piece: { kind: 'weekday', weekday: Number(joined[1]) - 1 }, to: i + 1 };
  }
  if (isWord(t, 'cn')) return { piece: { kind: 'weekday', weekday: 7 }, to: i + 1 };
  if (isWord(t, 'chủ', 'chúa') && isWord(tokens[i + 1], 'nhật')) {
    return { piece: { kind: 'weekday', weekday: 7 }, to: i + 2 };
  }
  if (!isWord(t, 'thứ')) return undefined;
  const next = tokens[i + 1];
  if (next && /^\d{1,2}$/.test(next.text)) {
    const n = Number(next.text);
    return n >= 2 && n <= 7
      ? { piece: { kind: 'weekday', weekday: n - 1 }, to: i + 2 }
      : { piece: { kind: 'bad-weekday', said: `thứ ${n}` }, to: i + 2 };
  }
  for (const [word, value] of Object.entries(WEEKDAY_WORDS)) {
    if (isWord(next, word)) return { piece: { kind: 'weekday', weekday: value }, to: i + 2 };
  }
  return undefined;
};

/** "tuần sau", "tuần tới", "tuần này", "tuần trước". */
export const week: Recognizer = (tokens, i) => {
  if (!isWord(tokens[i], 'tuần')) return undefined;
  const next = tokens[i + 1];
  if (isWord(next, 'sau', 'tới', 'kế')) {
    // "tuần sau nữa" is the week after next; "tuần kế tiếp" just next week.
    if (isWord(tokens[i + 2], 'nữa')) return { piece: { kind: 'week', shift: 2 }, to: i + 3 };
    const tiep = isWord(tokens[i + 2], 'tiếp');
    return { piece: { kind: 'week', shift: 1 }, to: i + 2 + (tiep ? 1 : 0) };
  }
  if (isWord(next, 'này', 'nay')) return { piece: { kind: 'week', shift: 0 }, to: i + 2 };
  if (isWord(next, 'trước')) return { piece: { kind: 'week', shift: -1 }, to: i + 2 };
  return undefined;
};

/** "hôm nay", "mai", "ngày mai", "ngày kia", "mốt", "hôm qua"; "nay" right after "tối", "sáng"… */
export const relativeDay: Recognizer = (tokens, i, prev) => {
  const t = tokens[i];
  const next = tokens[i + 1];
  const days = (n: number, length: number) => ({
    piece: { kind: 'relative-days', days: n } as const,
    to: i + length,
  });
  if (isWord(t, 'hôm', 'bữa', 'ngày')) {
    const isNgay = isWord(t, 'ngày');
    if (!isNgay && isWord(next, 'nay')) return days(0, 2);
    if (!isNgay && isWord(next, 'qua')) return days(-1, 2);
    if (isWord(next, 'mai')) return days(1, 2);
    if (isWord(next, 'mốt')) return days(2, 2);
    // "hôm kia" is two days ago, "ngày kia" two days ahead; "bữa kia" is said both ways.
    if (isWord(next, 'kia') && !isWord(t, 'bữa')) return days(isNgay ? 2 : -2, 2);
    return undefined;
  }
  if (isWord(t, 'mai')) return days(1, 1);
  const afterPart = prev?.kind === 'part' || (prev?.kind === 'clock' && prev.part !== undefined);
  // Bare "mot" is more often "một" (one) than "mốt": only after a time of day ("chiều mốt").
  if (t?.text === 'mốt' || (afterPart && isWord(t, 'mốt'))) return days(2, 1);
  if (afterPart && isWord(t, 'nay')) return days(0, 1);
  if (afterPart && isWord(t, 'kia')) return days(2, 1);
  return undefined;
};

/** The month after "tháng": a number, "Giêng", "Chạp", "Một", "này", "sau". */
function readMonth(
  tokens: readonly Token[],
  i: number,
):
  | {
      month?: number;
      monthIsMot?: boolean;
      monthShift?: number;
      leapMonth?: boolean;
      lunar: boolean;
      length: number;
    }
  | undefined {
  const t = tokens[i];
  if (isWord(t, 'giêng')) return { month: 1, lunar: true, length: 1 };
  if (isWord(t, 'chạp')) return { month: 12, lunar: true, length: 1 };
  if (isWord(t, 'này', 'nay')) return { monthShift: 0, lunar: false, length: 1 };
  if (isWord(t, 'sau', 'tới', 'kế')) return { monthShift: 1, lunar: false, length: 1 };
  const n = readNumber(tokens, i);
  if (!n) return undefined;
  const mot = n.length === 1 && isWord(t, 'một') ? { monthIsMot: true } : {};
  if (isWord(tokens[i + n.length], 'nhuận')) {
    return { month: n.value, ...mot, leapMonth: true, lunar: true, length: n.length + 1 };
  }
  return { month: n.value, ...mot, lunar: false, length: n.length };
}

/** After a day: "năm 2027", "năm nay", "năm sau". */
function readYear(
  tokens: readonly Token[],
  i: number,
): { year?: number; yearShift?: number; length: number } {
  if (!isWord(tokens[i], 'năm')) return { length: 0 };
  const t = tokens[i + 1];
  if (isWord(t, 'nay')) return { yearShift: 0, length: 2 };
  if (isWord(t, 'sau', 'tới')) return { yearShift: 1, length: 2 };
  if (t && /^\d{4}$/.test(t.text)) return { year: Number(t.text), length: 2 };
  return { length: 0 };
}

function withMonthAndYear(
  tokens: readonly Token[],
  j: number,
  day: number,
  calendar: Calendar,
  sure: boolean,
): Omit<Found, 'from'> {
  let date: CalendarDay = { day, calendar, sure };
  if (isWord(tokens[j], 'tháng')) {
    const m = readMonth(tokens, j + 1);
    if (m) {
      const { length, lunar, ...month } = m;
      date = { ...date, ...month, ...(lunar ? { calendar: 'lunar', sure: true } : {}) };
      j += 1 + length;
    }
  } else if (calendar === 'lunar' && isWord(tokens[j], 'tết')) {
    date = { ...date, month: 1, sure: true };
    j += 1;
  }
  const y = readYear(tokens, j);
  const { length, ...year } = y;
  return { piece: { kind: 'date', date: { ...date, ...year } }, to: j + length };
}

/**
 * "15/12", "15-12-2026", "ngày 15", "ngày 20 tháng 12", "20 tháng 12 năm sau", "mùng 1 tháng 11",
 * "mồng 5 tháng sau", "rằm tháng Giêng", "mùng 1 Tết".
 */
export const calendarDay: Recognizer = (tokens, i) => {
  let j = i;
  const saidNgay = isWord(tokens[j], 'ngày');
  if (saidNgay) j++;
  const t = tokens[j];
  if (!t) return undefined;
  const slashed = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t.text);
  if (slashed) {
    const [, d, m, y] = slashed;
    const year = y === undefined ? {} : { year: y.length === 2 ? 2000 + Number(y) : Number(y) };
    const date: CalendarDay = { day: Number(d), month: Number(m), ...year, calendar: 'solar', sure: false };
    const rest = y === undefined ? readYear(tokens, j + 1) : { length: 0 };
    const { length, ...yearWords } = rest;
    return { piece: { kind: 'date', date: { ...date, ...yearWords } }, to: j + 1 + length };
  }
  if (isWord(t, 'rằm')) return withMonthAndYear(tokens, j + 1, 15, 'lunar', true);
  if (isWord(t, 'mùng', 'mồng')) {
    const n = readNumber(tokens, j + 1);
    return n ? withMonthAndYear(tokens, j + 1 + n.length, n.value, 'lunar', false) : undefined;
  }
  const n = readNumber(tokens, j);
  if (!n) return undefined;
  // Without "ngày", a bare number is a day only when a month follows ("20 tháng 12").
  if (!saidNgay && !(isWord(tokens[j + n.length], 'tháng') && readMonth(tokens, j + n.length + 1)))
    return undefined;
  return withMonthAndYear(tokens, j + n.length, n.value, 'solar', false);
};

/** "âm lịch", "âl", "al", "lịch âm", "dương lịch", "dl"; bare "âm"/"dương" right after a date. */
export const calendarMark: Recognizer = (tokens, i, prev) => {
  const t = tokens[i];
  const next = tokens[i + 1];
  const mark = (calendar: Calendar, length: number) => ({
    piece: { kind: 'calendar', calendar } as const,
    to: i + length,
  });
  if (isWord(t, 'âm') && isWord(next, 'lịch')) return mark('lunar', 2);
  if (isWord(t, 'dương') && isWord(next, 'lịch')) return mark('solar', 2);
  if (isWord(t, 'lịch') && isWord(next, 'âm')) return mark('lunar', 2);
  if (isWord(t, 'lịch') && isWord(next, 'dương')) return mark('solar', 2);
  if (isWord(t, 'âl', 'al')) return mark('lunar', 1);
  if (isWord(t, 'dl')) return mark('solar', 1);
  if (prev?.kind === 'date' && isWord(t, 'âm')) return mark('lunar', 1);
  if (prev?.kind === 'date' && isWord(t, 'dương')) return mark('solar', 1);
  return undefined;
};
