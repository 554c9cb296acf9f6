/**
 * The pieces of a date or time that when-scan.ts finds in a message, and what a recognizer is.
 */
import type { Token } from './when-tokens';

export type DayPart = 'sáng' | 'trưa' | 'chiều' | 'tối' | 'đêm';

export type Calendar = 'solar' | 'lunar';

/** A day the resident named in the Gregorian or lunar calendar. */
export interface CalendarDay {
  readonly day: number;
  readonly month?: number;
  /** the month was the word "một": January, or in the lunar calendar tháng Một, the 11th month */
  readonly monthIsMot?: boolean;
  /** "tháng này" 0, "tháng sau" 1 */
  readonly monthShift?: number;
  /** "tháng 6 nhuận": the leap month */
  readonly leapMonth?: boolean;
  readonly year?: number;
  /** "năm nay" 0, "năm sau" 1 */
  readonly yearShift?: number;
  /** "rằm", "giêng", "chạp", "Tết" say lunar; "mùng" leans lunar; digits lean solar */
  readonly calendar: Calendar;
  readonly sure: boolean;
}

export type Piece =
  | { readonly kind: 'relative-days'; readonly days: number }
  | { readonly kind: 'relative-months'; readonly months: number }
  | { readonly kind: 'weekday'; readonly weekday: number }
  | { readonly kind: 'week'; readonly shift: number }
  | { readonly kind: 'date'; readonly date: CalendarDay }
  | { readonly kind: 'calendar'; readonly calendar: Calendar }
  | {
      readonly kind: 'clock';
      readonly hour: number;
      readonly minute: number;
      /** typed as a 24-hour reading ("02:00", "0h"): no question of morning or afternoon */
      readonly padded: boolean;
      readonly part?: DayPart;
    }
  | { readonly kind: 'part'; readonly part: DayPart }
  | { readonly kind: 'after'; readonly minutes: number }
  | { readonly kind: 'bad-weekday'; readonly said: string }
  | { readonly kind: 'filler' };

export interface Found {
  readonly piece: Piece;
  /** first token */
  readonly from: number;
  /** one past the last token */
  readonly to: number;
}

export type Recognizer = (
  tokens: readonly Token[],
  i: number,
  prev: Piece | undefined,
) => Omit<Found, 'from'> | undefined;
