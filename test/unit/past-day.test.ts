import { describe, expect, it } from 'vitest';
import { parsePastDay } from '../../src/language/past-day';

// Friday 27/11/2026, 09:00 in Vietnam: when a resident says when a child was born or a relative died.
const now = Date.parse('2026-11-27T09:00:00+07:00');

describe('the day something happened', () => {
  it.each([
    ['20/11', { y: 2026, m: 11, d: 20 }],
    ['ngày 20/11/2026', { y: 2026, m: 11, d: 20 }],
    ['hôm qua', { y: 2026, m: 11, d: 26 }],
    ['hom kia', { y: 2026, m: 11, d: 25 }],
    ['3 ngày trước', { y: 2026, m: 11, d: 24 }],
    // a day and month still to come this year: last year's
    ['15/12', { y: 2025, m: 12, d: 15 }],
    // English, for a resident who chose English
    ['yesterday', { y: 2026, m: 11, d: 26 }],
    ['3 days ago', { y: 2026, m: 11, d: 24 }],
    ['20 November', { y: 2026, m: 11, d: 20 }],
    ['born on the 3rd of Oct', { y: 2026, m: 10, d: 3 }],
    ['November 20th, 2025', { y: 2025, m: 11, d: 20 }],
    ['Dec 5', { y: 2025, m: 12, d: 5 }],
    // the day and month in words, as elderly residents typed them in a trial (only «3/5» was read)
    ['chau sinh ngay 3 thang 5', { y: 2026, m: 5, d: 3 }],
    ['mùng 3 tháng 5', { y: 2026, m: 5, d: 3 }],
    ['ngày 20 tháng 11 năm 2025', { y: 2025, m: 11, d: 20 }],
  ])('«%s»', (text, day) => {
    expect(parsePastDay(text, now)).toEqual(day);
  });

  it.each(['sáng mai', '31/11', '31 November', '20/12/2026', 'một hôm nào đó', 'some day', '3 tháng trước'])(
    'does not guess: «%s»',
    (text) => {
      expect(parsePastDay(text, now)).toBeUndefined();
    },
  );
});
