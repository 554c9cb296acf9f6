/**
 * Reads when a resident wants something ("nhắc tôi thứ 6 tuần sau 8h lên xã nộp hồ sơ") as one
 * instant in Vietnam (UTC+07:00), or a polite question back when it cannot be taken as said.
 *
 * Understood: hôm nay, (ngày) mai, ngày kia, mốt, tối nay, chiều mai; thứ 2 … thứ 7, thứ hai … thứ bảy,
 * t2 … t7, chủ nhật, cn; tuần sau/tới/này/sau nữa; 3 ngày nữa, 1 tuần nữa, 30 phút nữa, 2 tiếng nữa;
 * 15/12, 15-12, 15/12/2026, ngày 15, ngày 20 tháng 12 (năm sau); 8h, 8h30, 8g30, 8 giờ 30, 14:00,
 * 2 giờ chiều, 9 giờ kém 15; lunar: mùng/mồng N, rằm, tháng Giêng/Chạp/Một, tháng 6 nhuận, mùng 1 Tết,
 * mùng 5 tháng sau, "âm lịch"/"al". Past: hôm qua, hôm kia, tuần trước.
 *
 * Choices (the code is in when-resolve.ts):
 * - a day without a time is at 08:00; sáng 08:00, trưa 12:00, chiều 14:00, tối 19:00 (timeGiven false);
 *   "đêm" alone has no default and is asked about; "12 giờ đêm", "2 giờ đêm" fall on the next day;
 * - a weekday is the next one strictly after today; "tuần sau" is the next Monday-to-Sunday week and,
 *   alone, its Monday; a weekday next to a date only checks it ("thứ 6 ngày 11/12");
 * - a day and month already past this year are next year's; "ngày N" past this month is next month's;
 *   a lunar date past this lunar year is next lunar year's; "mùng N"/"rằm" alone is the next one;
 * - "tháng 6 âm lịch" is the regular month, never the leap one; "tháng sau" is the next month as it
 *   comes, a leap month included;
 * - "mùng" means lunar unless "dương lịch" is said; digits mean solar unless "âm lịch"/"al" is said;
 * - invalid: a day no year has (31/2, 32/1, thứ 8, 25 giờ), 29/2 in a year without it; unclear (asked):
 *   "ngày 31" when that month has 30 days, a clock hour 1 … 5 without sáng/chiều/tối ("2 giờ"; 6 … 12
 *   are read as written), two different days or times, a day of today without a time once 08:00 has
 *   gone by;
 * - a time alone is today's, refused as past once it has gone by (asking about tomorrow).
 */
import { formatWhenIso, formatWhenWords } from './when-calendar';
import { englishDateWords } from './when-english';
import type { LunarDate } from './when-lunar';
import { lunarMonthName, type RefusalReason, resolve } from './when-resolve';
import { LEAD_WORDS, scan } from './when-scan';
import { isWord, type Token, tokenize } from './when-tokens';

export { formatDayIn, formatWhenIso, formatWhenWords } from './when-calendar';
export type { RefusalReason } from './when-resolve';

export type WhenResult =
  | {
      readonly ok: true;
      readonly at: Date;
      /** e.g. 2026-12-11T08:00:00+07:00 */
      readonly iso: string;
      /** e.g. "Thứ Sáu, 11/12/2026 lúc 08:00", with the lunar date after it when one was named */
      readonly words: string;
      /** the resident said a time of day (8h, 14:00, 2 giờ chiều), rather than a default hour */
      readonly timeGiven: boolean;
      /** «2 tiếng nữa», «30 phút nữa»: counted from now rather than a time of day the resident named */
      readonly relative: boolean;
      /** the message without the date and time words and "nhắc tôi": what to be reminded of */
      readonly rest: string;
    }
  | {
      readonly ok: false;
      readonly reason: RefusalReason;
      /** Vietnamese, for the resident, ending with a question back */
      readonly message: string;
      /** as for an ok result: the task, kept while the time is asked again */
      readonly rest: string;
    };

export interface WhenOptions {
  /** how far ahead a reminder may be, in days (default 366) */
  readonly maxAheadDays?: number;
}

const MAX_TEXT = 1000;

export function parseWhen(text: string, now: Date, options: WhenOptions = {}): WhenResult {
  if (Number.isNaN(now.getTime())) throw new RangeError('parseWhen: now is not a valid date');
  const { maxAheadDays = 366 } = options;
  const source = englishDateWords(text.slice(0, MAX_TEXT));
  const { canonical, tokens } = tokenize(source);
  const found = scan(tokens);
  const pieces = found.map((f) => f.piece).filter((p) => p.kind !== 'filler');
  const resolved = resolve(pieces, now, maxAheadDays);
  // Cut the rest from the text as typed (case kept) when its positions match the canonical form.
  const nfc = source.normalize('NFC');
  const typed = nfc.length === canonical.length ? nfc : canonical;
  if (!resolved.ok) return { ...resolved, rest: restOf(typed, tokens, found) };
  const words = formatWhenWords(resolved.at) + (resolved.lunar ? ` (${lunarWords(resolved.lunar)})` : '');
  return {
    ok: true,
    at: resolved.at,
    iso: formatWhenIso(resolved.at),
    words,
    timeGiven: resolved.timeGiven,
    relative: pieces.some((p) => p.kind === 'after'),
    rest: restOf(typed, tokens, found),
  };
}

/** e.g. "mùng 1 tháng 11 âm lịch", "rằm tháng Giêng âm lịch", "ngày 20 tháng 6 nhuận âm lịch". */
export function lunarWords(date: LunarDate): string {
  const day = date.day === 15 ? 'rằm' : date.day <= 10 ? `mùng ${date.day}` : `ngày ${date.day}`;
  return `${day} ${lunarMonthName(date.month)}${date.leap ? ' nhuận' : ''} âm lịch`;
}

const PARTICLES = ['nhé', 'nha', 'nhá', 'nhen', 'ạ', 'với'];
// «to» opens the task in English: «remind me friday 8am to bring my papers».
const LINKS = ['để', 'là', 'thì', 'to'];

function restOf(text: string, tokens: readonly Token[], found: ReturnType<typeof scan>): string {
  const used = new Set<number>();
  for (const f of found) {
    for (let k = f.from; k < f.to; k++) used.add(k);
    if (f.piece.kind === 'filler') continue;
    for (let k = f.from - 1; k >= 0 && !used.has(k) && isWord(tokens[k], ...LEAD_WORDS); k--) used.add(k);
  }
  const kept = tokens.flatMap((_, k) => (used.has(k) ? [] : [k]));
  while (kept.length > 0 && isWord(tokens[kept.at(-1)!], ...PARTICLES)) kept.pop();
  while (kept.length > 0 && isWord(tokens[kept[0]!], ...LINKS)) kept.shift();
  let rest = '';
  kept.forEach((k, n) => {
    const token = tokens[k]!;
    // What lay between two kept words (a comma, a space) stays; where date words were cut, one space.
    if (n > 0) rest += kept[n - 1] === k - 1 ? text.slice(tokens[k - 1]!.end, token.start) : ' ';
    rest += text.slice(token.start, token.end);
  });
  return rest.replace(/\s+/g, ' ').trim();
}
