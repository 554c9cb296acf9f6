import { fromJd, toJd, vnCivil, vnInstant } from '../language/when-calendar';

/**
 * Reminder times in Vietnam (UTC+7 all year, no daylight saving), whatever the server's TZ: the quick
 * choices offered as buttons and the quiet hours.
 */

/** `hour`:`minute` on the Vietnamese day `days` after the one `now` falls on. */
export function vnDayAt(now: number, days: number, hour: number, minute = 0): number {
  const day = fromJd(toJd(vnCivil(new Date(now))) + days);
  return vnInstant({ ...day, hh: hour, mm: minute, ss: 0 }).getTime();
}

export const vnHour = (at: number): number => vnCivil(new Date(at)).hh;

export const QUICK_CHOICES = ['sm', 'cm', '3d'] as const;
export type QuickChoice = (typeof QUICK_CHOICES)[number];

/** «Sáng mai 8:00», «Chiều mai 14:00», «3 ngày nữa» (at 8:00). */
export function quickTime(choice: QuickChoice, now: number): number {
  switch (choice) {
    case 'sm':
      return vnDayAt(now, 1, 8);
    case 'cm':
      return vnDayAt(now, 1, 14);
    case '3d':
      return vnDayAt(now, 3, 8);
  }
}

/** Nobody is woken by a reminder: 21:00–06:00 */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 6;
/** where a reminder in the quiet hours goes */
export const QUIET_MOVE_TO_HOUR = 7;

/**
 * A time in the quiet hours moves to 07:00, unless the resident asked for that exact time of day
 * («9 giờ tối»): «2 tiếng nữa» said at 22:00 fires at 07:00 the next morning.
 */
export function outsideQuietHours(at: number, exact: boolean): number {
  if (exact) return at;
  const hour = vnHour(at);
  if (hour >= QUIET_FROM_HOUR) return vnDayAt(at, 1, QUIET_MOVE_TO_HOUR);
  if (hour < QUIET_UNTIL_HOUR) return vnDayAt(at, 0, QUIET_MOVE_TO_HOUR);
  return at;
}
