/** Vietnam has no daylight saving time: Asia/Ho_Chi_Minh is UTC+07:00 all year, so a fixed offset is exact. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The calendar day in Asia/Ho_Chi_Minh as yyyymmdd, whatever the server's time zone: daily counts,
 * caps and reports are read in local days.
 */
export const vietnamDay = (at: number): string =>
  new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
