import type { Commune } from './schema';

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const DAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;
const DAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The office's opening slots on a Vietnamese date (YYYY-MM-DD): a dated exception wins over the week. */
function slotsOn(commune: Commune, isoDate: string, weekday: number): { from: string; to: string }[] {
  const exception = commune.hours.exceptions.find((e) => e.date === isoDate);
  if (exception) return exception.hours;
  return commune.hours[WEEKDAYS[weekday]!];
}

export type OfficeTime = { readonly open: true } | { readonly open: false; readonly next?: number };

/**
 * Whether the office is open at `now` (commune.yaml's hours, in Vietnam), and if not, when it opens next
 * (within two weeks; undefined when no hours are set at all).
 */
export function officeTime(commune: Commune, now: number): OfficeTime {
  const local = now + VIETNAM_OFFSET_MS;
  const midnight = local - (local % DAY_MS);
  for (let d = 0; d < 15; d++) {
    const day = new Date(midnight + d * DAY_MS);
    const iso = day.toISOString().slice(0, 10);
    for (const slot of slotsOn(commune, iso, day.getUTCDay())) {
      const from = midnight + d * DAY_MS + minutes(slot.from) * 60_000;
      const to = midnight + d * DAY_MS + minutes(slot.to) * 60_000;
      if (local >= from && local < to) return { open: true };
      if (from > local) return { open: false, next: from - VIETNAM_OFFSET_MS };
    }
  }
  return { open: false };
}

/** «07:00 Thứ Hai 07/12» (or in English), for «cán bộ sẽ trả lời từ …». */
export function describeOpening(at: number, locale: 'vi' | 'en'): string {
  const local = new Date(at + VIETNAM_OFFSET_MS);
  const hhmm = local.toISOString().slice(11, 16);
  const dd = local.toISOString().slice(8, 10);
  const mm = local.toISOString().slice(5, 7);
  const names = locale === 'en' ? DAY_NAMES_EN : DAY_NAMES;
  return `${hhmm} ${names[local.getUTCDay()]} ${dd}/${mm}`;
}
