import { describe, expect, it } from 'vitest';
import {
  dashboardQuerySchema,
  periodOf,
  reportFileName,
  thisMonth,
  today,
} from '../../src/server/dashboard-period';

const at = (iso: string) => Date.parse(iso);

describe('the dashboard period', () => {
  it('defaults to this month in Vietnam, also when it is still last month in UTC', () => {
    expect(thisMonth(at('2026-02-10T05:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(thisMonth(at('2028-02-29T12:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // 18:00 UTC on 31 December is already 1 January in Vietnam.
    expect(thisMonth(at('2026-12-31T18:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(today(at('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
    expect(periodOf({}, at('2026-05-05T00:00:00Z'))).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });

  it('takes a real period and names what is wrong with a bad one', () => {
    const now = Date.now();
    expect(periodOf({ from: '2026-01-01', to: '2026-12-31' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(periodOf({ from: '2026-02-30', to: '2026-03-01' }, now)).toEqual({ key: 'dashboard-bad-date' });
    expect(periodOf({ from: '1/2/2026', to: '2026-03-01' }, now)).toEqual({ key: 'dashboard-bad-date' });
    expect(periodOf({ from: '2026-03-01' }, now)).toEqual({ key: 'dashboard-half-period' });
    expect(periodOf({ from: '2026-03-02', to: '2026-03-01' }, now)).toEqual({ key: 'dashboard-bad-order' });
    expect(periodOf({ from: '2000-01-01', to: '2026-01-01' }, now)).toMatchObject({
      key: 'dashboard-too-long',
    });
  });

  it('reads the language leniently and names the downloads by their period', () => {
    expect(dashboardQuerySchema.parse({ lang: 'en' }).lang).toBe('en');
    expect(dashboardQuerySchema.parse({ lang: 'fr' }).lang).toBeUndefined();
    expect(dashboardQuerySchema.safeParse({ from: ['a', 'b'] }).success).toBe(false);
    expect(reportFileName({ from: '2026-01-01', to: '2026-12-31' }, 'docx')).toBe(
      'bao-cao-2026-01-01-2026-12-31.docx',
    );
  });
});
