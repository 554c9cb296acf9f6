/**
 * The English date and time words a resident who chose English types («remind me friday 8am to bring my
 * papers»), rewritten as the Vietnamese the date reader knows («thứ 6 08:00 to bring my papers»). Only
 * words and shapes that cannot be Vietnamese are touched, so a Vietnamese message reads as before (except
 * «8am», «2pm», which some Vietnamese type too).
 */
import { ENGLISH_WEEKDAYS } from './when-calendar';

const WEEKDAYS = ENGLISH_WEEKDAYS.map((d) => d.toLowerCase());
/** Thứ 2 … thứ 7, chủ nhật: the way the date reader names the days of the week. */
const VIETNAMESE_WEEKDAYS = ['thứ 2', 'thứ 3', 'thứ 4', 'thứ 5', 'thứ 6', 'thứ 7', 'chủ nhật'];
const WEEKDAY = new RegExp(`\\b(next |this |on )?(${WEEKDAYS.join('|')})\\b`, 'gi');

const pad = (n: number): string => String(n).padStart(2, '0');

/** «8am» → 08:00, «2:30 pm» → 14:30, «12pm» → 12:00, «12am» → 00:00. */
function clock(hour: string, minute: string | undefined, half: string): string {
  const h = Number(hour) % 12;
  return `${pad(half.toLowerCase() === 'pm' ? h + 12 : h)}:${minute ?? '00'}`;
}

const RULES: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  // …but «tháng 11 am lịch» is «âm lịch» typed without marks.
  [/\b(\d{1,2})(?::([0-5]\d))? ?([ap]m)\b(?! ?l[iị]ch)/gi, (_, h = '', m, half = '') => clock(h, m, half)],
  [/\bday after tomorrow\b/gi, 'ngày kia'],
  [/\btomorrow morning\b/gi, 'sáng mai'],
  [/\btomorrow afternoon\b/gi, 'chiều mai'],
  [/\btomorrow (evening|night)\b/gi, 'tối mai'],
  [/\btomorrow\b/gi, 'ngày mai'],
  [/\bthis morning\b/gi, 'sáng nay'],
  [/\bthis afternoon\b/gi, 'chiều nay'],
  [/\b(this evening|tonight)\b/gi, 'tối nay'],
  [/\btoday\b/gi, 'hôm nay'],
  [/\bnext week\b/gi, 'tuần sau'],
  // «next friday» is read as Friday of next week: the confirmation shows the date, to be corrected.
  [
    WEEKDAY,
    (_, which = '', day = '') => {
      const named = VIETNAMESE_WEEKDAYS[WEEKDAYS.indexOf(day.toLowerCase())];
      return which.trim().toLowerCase() === 'next' ? `${named} tuần sau` : `${named}`;
    },
  ],
  [/\bin an hour\b/gi, '1 tiếng nữa'],
  [/\bin (\d+) (hours?|hrs?)\b/gi, '$1 tiếng nữa'],
  [/\bin (\d+) (minutes?|mins?)\b/gi, '$1 phút nữa'],
  [/\bin (\d+) days?\b/gi, '$1 ngày nữa'],
  [/\bin (\d+) weeks?\b/gi, '$1 tuần nữa'],
  [/\bnoon\b/gi, '12:00'],
  // «at 8» alone: an hour of the day.
  [/\bat (\d{1,2})\b(?![:.\d])/gi, '$1 giờ'],
  [/\bat (?=\d)/gi, ''],
];

export function englishDateWords(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES)
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}
