import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../src/core/usage';
import { dayNumber, expiryOf, lastDayOf, monthsCovering, vietnamMidnight } from '../../src/core/usage-days';
import { usageFields } from '../../src/core/usage-fields';

const HOUR_MS = 3_600_000;
const DAY_S = 86_400;

/** yyyymmdd of every day from `from` (yyyy-mm-dd) for `count` days */
function daysFrom(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * DAY_S * 1000).toISOString().slice(0, 10).replaceAll('-', ''),
  );
}

describe('lastDayOf', () => {
  it('knows the length of each month, February in leap years included', () => {
    expect(lastDayOf('202601')).toBe('20260131');
    expect(lastDayOf('202604')).toBe('20260430');
    expect(lastDayOf('202612')).toBe('20261231');
    expect(lastDayOf('202602')).toBe('20260228');
    expect(lastDayOf('202802')).toBe('20280229');
    expect(lastDayOf('200002')).toBe('20000229');
    expect(lastDayOf('210002')).toBe('21000228');
  });
});

describe('monthsCovering', () => {
  it('takes whole months as months and leaves the days of partial months', () => {
    const days = daysFrom('2026-03-30', 34); // 30 Mar … 2 May
    expect(monthsCovering(days)).toEqual({
      months: ['202604'],
      rest: ['20260330', '20260331', '20260501', '20260502'],
    });
  });

  it('covers a year with twelve months and nothing left over', () => {
    const { months, rest } = monthsCovering(daysFrom('2026-01-01', 365));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('202601');
    expect(months.at(-1)).toBe('202612');
    expect(rest).toEqual([]);
  });

  it('needs all 29 days of a leap February, and 28 are not all of them', () => {
    expect(monthsCovering(daysFrom('2028-02-01', 29)).months).toEqual(['202802']);
    const short = monthsCovering(daysFrom('2028-02-01', 28));
    expect(short.months).toEqual([]);
    expect(short.rest).toHaveLength(28);
    expect(monthsCovering(daysFrom('2026-02-01', 28)).months).toEqual(['202602']);
  });

  it('does not take a month whose day count is reached with a day repeated', () => {
    const april = daysFrom('2026-04-01', 29);
    const { months, rest } = monthsCovering([...april, '20260405']);
    expect(months).toEqual([]);
    expect(rest).toHaveLength(30);
  });

  it('gives nothing for no days', () => {
    expect(monthsCovering([])).toEqual({ months: [], rest: [] });
  });
});

describe('expiryOf', () => {
  it('is retention whole days after the Vietnamese day ended', () => {
    // 2026-04-01 starts at 2026-03-31T17:00Z in Vietnam and ends 24 h later.
    const start = Date.UTC(2026, 2, 31, 17) / 1000;
    expect(vietnamMidnight('20260401')).toBe(start * 1000);
    expect(expiryOf('20260401', 0)).toBe(start + DAY_S);
    expect(expiryOf('20260401', 30)).toBe(start + 31 * DAY_S);
    expect(expiryOf('20260401', 1100)).toBe(start + 1101 * DAY_S);
  });

  it('moves one day per day, across months and years', () => {
    expect(expiryOf('20270101', 31) - expiryOf('20261231', 31)).toBe(DAY_S);
    expect(expiryOf('20260301', 31) - expiryOf('20260228', 31)).toBe(DAY_S);
  });
});

describe('dayNumber', () => {
  it('counts days since 1970-01-01', () => {
    expect(dayNumber('19700101')).toBe(0);
    expect(dayNumber('19700102')).toBe(1);
    expect(dayNumber('20260401')).toBe(Date.UTC(2026, 3, 1) / (DAY_S * 1000));
  });

  it('grows by one a day, over month ends, a leap day and a year end', () => {
    const days = daysFrom('2027-12-30', 70);
    days.forEach((day, i) => {
      expect(dayNumber(day)).toBe(dayNumber(days[0]!) + i);
    });
    expect(dayNumber('20280301') - dayNumber('20280228')).toBe(2);
  });

  it('is whole (no fraction from the UTC+7 shift)', () => {
    expect(Number.isInteger(dayNumber('20260331'))).toBe(true);
    expect(vietnamMidnight('20260331') + 7 * HOUR_MS).toBe(Date.UTC(2026, 2, 31));
  });
});

describe('usageFields', () => {
  const cases: [string, UsageEvent, string | undefined, [string, number][]][] = [
    [
      'a message, with its channel',
      { kind: 'message' },
      'zalo',
      [
        ['msg', 1],
        ['msg:zalo', 1],
      ],
    ],
    ['a message without a channel', { kind: 'message' }, undefined, [['msg', 1]]],
    [
      'an answered question, with its band',
      { kind: 'question', result: 'answered', topic: 'khai-sinh', band: 'medium' },
      'web',
      [
        ['q:answered', 1],
        ['q:answered:medium', 1],
      ],
    ],
    ['a clarified question', { kind: 'question', result: 'clarified' }, 'web', [['q:clarified', 1]]],
    [
      'an unanswered question (the text is not a field)',
      { kind: 'question', result: 'unanswered', text: 'xyz 0912345678' },
      'web',
      [['q:unanswered', 1]],
    ],
    [
      'an out-of-scope question',
      { kind: 'question', result: 'outside', text: 'mua xe' },
      'web',
      [['q:outside', 1]],
    ],
    [
      'a topic shown',
      { kind: 'topic', topic: 'ket-hon', from: 'menu' },
      'telegram',
      [
        ['topic:ket-hon', 1],
        ['topic-from:menu', 1],
      ],
    ],
    [
      'a topic section shown',
      { kind: 'topic', topic: 'ket-hon', from: 'followup', section: 'le-phi' },
      'telegram',
      [
        ['topic:ket-hon', 1],
        ['topic-from:followup', 1],
        ['sec:le-phi', 1],
      ],
    ],
    [
      'feedback on a topic',
      { kind: 'feedback', value: 'down', topic: 'ket-hon' },
      'telegram',
      [
        ['fb:down', 1],
        ['fb-topic:ket-hon:down', 1],
      ],
    ],
    ['feedback without a topic', { kind: 'feedback', value: 'up' }, 'telegram', [['fb:up', 1]]],
    ['a village chosen', { kind: 'resident', what: 'village' }, 'zalo', [['res:village', 1]]],
    ['announcements stopped', { kind: 'resident', what: 'unsubscribed' }, 'zalo', [['res:unsubscribed', 1]]],
    ['a reminder sent', { kind: 'reminder', what: 'sent' }, undefined, [['rem:sent', 1]]],
    ['a reminder cancelled', { kind: 'reminder', what: 'cancelled' }, undefined, [['rem:cancelled', 1]]],
    [
      'an announcement created, with its recipients',
      { kind: 'announcement', what: 'created', recipients: 1234 },
      undefined,
      [
        ['ann:created', 1],
        ['ann:recipients', 1234],
      ],
    ],
    ['an announcement blocked', { kind: 'announcement', what: 'blocked' }, undefined, [['ann:blocked', 1]]],
    ['a postal request', { kind: 'postal', what: 'requested' }, 'zalo', [['postal:requested', 1]]],
    ['a handoff', { kind: 'handoff', what: 'asked' }, 'zalo', [['handoff:asked', 1]]],
  ];

  it.each(cases)('%s', (_name, event, channel, fields) => {
    expect(usageFields(event, channel)).toEqual(fields);
  });

  it('names every field without a raw id or text', () => {
    for (const [, event, channel] of cases) {
      for (const [field] of usageFields(event, channel)) {
        expect(field).toMatch(/^[a-z-]+(?::[a-z0-9-]+)*$/);
        expect(field).not.toMatch(/\d{4,}/);
      }
    }
  });
});
