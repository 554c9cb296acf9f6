import { getLunarDate } from '@dqcai/vn-lunar';
import { describe, expect, it } from 'vitest';
import { fromJd, toJd } from '../../src/language/when-calendar';
import { jdOfLunar, lunarMonthLength, lunarOf } from '../../src/language/when-lunar';

const jd = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return toJd({ y, m, d });
};
const iso = (day: number): string => {
  const { y, m, d } = fromJd(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const solarOf = (day: number, month: number, year: number, leap = false): string | undefined => {
  const found = jdOfLunar({ day, month, year, leap });
  return found === undefined ? undefined : iso(found);
};

/** Published dates of the Vietnamese calendar, written out as facts (not computed). */
describe('Vietnamese lunar calendar: known dates', () => {
  it.each([
    [1985, '1985-01-21'], // China: 1985-02-20
    [2007, '2007-02-17'], // China: 2007-02-18
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is %s', (year, date) => {
    expect(solarOf(1, 1, year)).toBe(date);
    expect(lunarOf(jd(date))).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('follows Vietnam (UTC+7), not China (UTC+8), where they differ', () => {
    expect(solarOf(1, 1, 1985)).not.toBe('1985-02-20');
    expect(solarOf(1, 1, 2007)).not.toBe('2007-02-18');
  });

  it('knows rằm tháng Giêng, Vu Lan and Trung thu', () => {
    expect(solarOf(15, 1, 2026)).toBe('2026-03-03');
    expect(solarOf(15, 7, 2025)).toBe('2025-09-06');
    expect(solarOf(15, 8, 2023)).toBe('2023-09-29');
    expect(solarOf(15, 8, 2024)).toBe('2024-09-17');
    expect(solarOf(15, 8, 2025)).toBe('2025-10-06');
  });

  it('knows leap months (tháng nhuận): 2 in 2023, 6 in 2025', () => {
    expect(solarOf(1, 2, 2023)).toBe('2023-02-20');
    expect(solarOf(1, 2, 2023, true)).toBe('2023-03-22');
    expect(solarOf(1, 6, 2025)).toBe('2025-06-25');
    expect(solarOf(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarOf(jd('2025-07-25'))).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarOf(jd('2025-08-23'))).toEqual({ day: 1, month: 7, year: 2025, leap: false });
  });

  it('refuses dates that do not exist', () => {
    expect(solarOf(1, 5, 2025, true)).toBeUndefined();
    expect(solarOf(1, 6, 2026, true)).toBeUndefined();
    expect(solarOf(31, 1, 2026)).toBeUndefined();
    expect(solarOf(0, 1, 2026)).toBeUndefined();
    expect(solarOf(1, 13, 2026)).toBeUndefined();
  });

  it('day 30 exists exactly in the 30-day months', () => {
    for (let year = 2023; year <= 2027; year++) {
      for (let month = 1; month <= 12; month++) {
        const start = jdOfLunar({ day: 1, month, year, leap: false })!;
        const length = lunarMonthLength(start);
        expect([29, 30]).toContain(length);
        expect(jdOfLunar({ day: 30, month, year, leap: false })).toBe(length === 30 ? start + 29 : undefined);
      }
    }
  });
});

/**
 * A second, independent source: @dqcai/vn-lunar reads Hồ Ngọc Đức's precomputed tables. They agree
 * day for day from 1968 (before it Vietnam followed the UTC+8 calendar, which the tables follow) to
 * 2053 (after it the tables' finer astronomy differs from the published algorithm on a few days).
 */
describe('Vietnamese lunar calendar: against the published tables', () => {
  it('every day 1968 … 2053 converts alike, and back', () => {
    const mismatches: string[] = [];
    for (let day = jd('1968-01-01'); day <= jd('2053-12-31'); day++) {
      const { y, m, d } = fromJd(day);
      const ours = lunarOf(day);
      const theirs = getLunarDate(d, m, y);
      const same =
        ours.day === theirs.day &&
        ours.month === theirs.month &&
        ours.year === theirs.year &&
        ours.leap === theirs.leap;
      if (!same || jdOfLunar(ours) !== day) mismatches.push(iso(day));
    }
    expect(mismatches).toEqual([]);
  });
});
