/**
 * Finds the pieces of a date or time in a resident's message ("thứ 6", "tuần sau", "8 giờ 30",
 * "chiều", "mùng 1 tháng 11", "âm lịch", "30 phút nữa"…), each with the tokens it covers.
 * Deciding what the pieces mean together is when-resolve.ts's job.
 */
import type { Found, Recognizer } from './when-pieces';
import { calendarDay, calendarMark, relativeDay, week, weekday } from './when-scan-day';
import { after, clock, dayPart } from './when-scan-time';
import { isWord, type Token } from './when-tokens';

const PRONOUNS = [
  'tôi',
  'mình',
  'em',
  'tui',
  'tớ',
  'con',
  'cháu',
  'anh',
  'chị',
  'bác',
  'cô',
  'chú',
  'ông',
  'bà',
];
const HELP = ['giúp', 'giùm', 'dùm', 'hộ'];

/** "(hãy|nhớ) nhắc (giúp) tôi (với)": how a request starts, not what to do. */
const request: Recognizer = (tokens, i) => {
  let j = i;
  if (isWord(tokens[j], 'hãy', 'nhớ', 'nhờ')) j++;
  if (!isWord(tokens[j], 'nhắc')) return undefined;
  j++;
  if (isWord(tokens[j], 'nhở')) j++;
  if (isWord(tokens[j], ...HELP)) j++;
  if (isWord(tokens[j], ...PRONOUNS)) j++;
  if (isWord(tokens[j], ...HELP)) j++;
  if (isWord(tokens[j], 'với')) j++;
  return { piece: { kind: 'filler' }, to: j };
};

// Order matters where two could start at one token: "2 tiếng nữa" is a span of time before "2 giờ"
// is a clock; "thứ 6" is a weekday before "6" could be anything else.
const RECOGNIZERS: readonly Recognizer[] = [
  request,
  after,
  weekday,
  week,
  relativeDay,
  calendarDay,
  clock,
  dayPart,
  calendarMark,
];

/** Words that only lead into a date or time ("vào lúc 8 giờ"): dropped with it from the rest. */
export const LEAD_WORDS = ['lúc', 'vào', 'khoảng', 'tầm', 'đúng', 'đến', 'hồi', 'ngày'];

export function scan(tokens: readonly Token[]): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < tokens.length) {
    const last = found.at(-1);
    const prev = last && last.to === i ? last.piece : undefined;
    let hit: Omit<Found, 'from'> | undefined;
    for (const r of RECOGNIZERS) {
      hit = r(tokens, i, prev);
      if (hit) break;
    }
    if (hit && hit.to > i) {
      found.push({ ...hit, from: i });
      i = hit.to;
    } else {
      i++;
    }
  }
  return found;
}
