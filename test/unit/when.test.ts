import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDayIn,
  formatWhenIso,
  formatWhenWords,
  parseWhen,
  type RefusalReason,
} from '../../src/language/when';

/**
 * Every expectation is written out by hand: an ISO instant in Vietnam's time, or a refusal reason.
 * Reference days: Tuesday 1/12/2026 (lunar 23/10), Monday 7/12, Sunday 6/12, Thursday 31/12/2026 …
 */
type Expected = string | RefusalReason | { iso: string; timeGiven?: boolean; rest?: string; words?: string };

const REASONS: readonly string[] = ['past', 'too-far', 'invalid', 'unclear'];

function table(now: string, cases: ReadonlyArray<readonly [string, Expected]>): void {
  describe(`said at ${now}`, () => {
    it.each(cases)('%j', (text, expected) => {
      const result = parseWhen(text, new Date(now));
      if (typeof expected === 'string' && REASONS.includes(expected)) {
        expect(result).toMatchObject({ ok: false, reason: expected });
        if (!result.ok) expect(result.message).toMatch(/\?$/);
        return;
      }
      const want = typeof expected === 'string' ? { iso: expected } : expected;
      expect(result).toMatchObject({ ok: true, ...want });
      if (result.ok) expect(result.at.getTime()).toBe(Date.parse(want.iso));
    });
  });
}

// Tuesday 1/12/2026, 10:00 (lunar 23/10/2026).
table('2026-12-01T10:00:00+07:00', [
  ['mai', '2026-12-02T08:00:00+07:00'],
  ['Mai', '2026-12-02T08:00:00+07:00'],
  ['ngày mai', { iso: '2026-12-02T08:00:00+07:00', timeGiven: false }],
  ['ngay mai', '2026-12-02T08:00:00+07:00'],
  ['ngày kia', '2026-12-03T08:00:00+07:00'],
  ['ngay kia', '2026-12-03T08:00:00+07:00'],
  ['mốt', '2026-12-03T08:00:00+07:00'],
  ['ngày mốt', '2026-12-03T08:00:00+07:00'],
  ['hôm nay 15h', { iso: '2026-12-01T15:00:00+07:00', timeGiven: true }],
  ['hom nay 15h', '2026-12-01T15:00:00+07:00'],
  ['tối nay', { iso: '2026-12-01T19:00:00+07:00', timeGiven: false }],
  ['toi nay', '2026-12-01T19:00:00+07:00'],
  ['TỐI NAY', '2026-12-01T19:00:00+07:00'],
  ['chiều mai', { iso: '2026-12-02T14:00:00+07:00', timeGiven: false }],
  ['chieu mai', '2026-12-02T14:00:00+07:00'],
  ['sáng mai', '2026-12-02T08:00:00+07:00'],
  ['trưa mai', '2026-12-02T12:00:00+07:00'],
  ['tối mai', '2026-12-02T19:00:00+07:00'],
  ['thứ 2', '2026-12-07T08:00:00+07:00'],
  ['thứ hai', '2026-12-07T08:00:00+07:00'],
  ['thu hai', '2026-12-07T08:00:00+07:00'],
  ['t2', '2026-12-07T08:00:00+07:00'],
  ['thứ 3', '2026-12-08T08:00:00+07:00'],
  ['thứ ba', '2026-12-08T08:00:00+07:00'],
  ['thứ 4', '2026-12-02T08:00:00+07:00'],
  ['thứ tư', '2026-12-02T08:00:00+07:00'],
  ['thu tu', '2026-12-02T08:00:00+07:00'],
  ['thứ 5', '2026-12-03T08:00:00+07:00'],
  ['thứ năm', '2026-12-03T08:00:00+07:00'],
  ['thứ 6', '2026-12-04T08:00:00+07:00'],
  ['thứ sáu', '2026-12-04T08:00:00+07:00'],
  ['thu sau', '2026-12-04T08:00:00+07:00'],
  ['t6', '2026-12-04T08:00:00+07:00'],
  ['thứ 7', '2026-12-05T08:00:00+07:00'],
  ['thứ bảy', '2026-12-05T08:00:00+07:00'],
  ['thu bay', '2026-12-05T08:00:00+07:00'],
  ['chủ nhật', { iso: '2026-12-06T08:00:00+07:00', words: 'Chủ Nhật, 06/12/2026 lúc 08:00' }],
  ['chu nhat', '2026-12-06T08:00:00+07:00'],
  ['cn', '2026-12-06T08:00:00+07:00'],
  ['CN', '2026-12-06T08:00:00+07:00'],
  ['thứ sáu tuần sau', { iso: '2026-12-11T08:00:00+07:00', words: 'Thứ Sáu, 11/12/2026 lúc 08:00' }],
  ['thu 6 tuan sau', '2026-12-11T08:00:00+07:00'],
  ['thứ 6 tuần sau 8h', { iso: '2026-12-11T08:00:00+07:00', timeGiven: true }],
  ['tuần sau thứ 6', '2026-12-11T08:00:00+07:00'],
  ['thứ 2 tuần sau', '2026-12-07T08:00:00+07:00'],
  ['chủ nhật tuần sau', '2026-12-13T08:00:00+07:00'],
  ['tuần sau', '2026-12-07T08:00:00+07:00'],
  ['tuan toi', '2026-12-07T08:00:00+07:00'],
  ['tuần sau nữa', '2026-12-14T08:00:00+07:00'],
  ['thứ 6 tuần sau nữa', '2026-12-18T08:00:00+07:00'],
  ['bữa mai', '2026-12-02T08:00:00+07:00'],
  ['bữa nay 15h', '2026-12-01T15:00:00+07:00'],
  ['chiều nay 3h', { iso: '2026-12-01T15:00:00+07:00', timeGiven: true }],
  ['thứ 6 tuần này', '2026-12-04T08:00:00+07:00'],
  ['thứ 2 tuần này', 'past'],
  ['3 ngày nữa', { iso: '2026-12-04T08:00:00+07:00', timeGiven: false }],
  ['3 ngay nua', '2026-12-04T08:00:00+07:00'],
  ['ba ngày nữa', '2026-12-04T08:00:00+07:00'],
  ['1 tuần nữa', '2026-12-08T08:00:00+07:00'],
  ['một tuần nữa', '2026-12-08T08:00:00+07:00'],
  ['30 phút nữa', { iso: '2026-12-01T10:30:00+07:00', timeGiven: true }],
  ['30 phut nua', '2026-12-01T10:30:00+07:00'],
  ['30p nữa', '2026-12-01T10:30:00+07:00'],
  ['mười lăm phút nữa', '2026-12-01T10:15:00+07:00'],
  ['2 tiếng nữa', '2026-12-01T12:00:00+07:00'],
  ['2 giờ nữa', '2026-12-01T12:00:00+07:00'],
  ['2 gio nua', '2026-12-01T12:00:00+07:00'],
  ['nửa tiếng nữa', '2026-12-01T10:30:00+07:00'],
  ['1 tiếng rưỡi nữa', '2026-12-01T11:30:00+07:00'],
  ['1 tiếng 30 phút nữa', '2026-12-01T11:30:00+07:00'],
  ['sau 45 phút', '2026-12-01T10:45:00+07:00'],
  ['15/12', '2026-12-15T08:00:00+07:00'],
  ['15-12', '2026-12-15T08:00:00+07:00'],
  ['15/12/2026', '2026-12-15T08:00:00+07:00'],
  ['15/12/26', '2026-12-15T08:00:00+07:00'],
  ['ngày 15', '2026-12-15T08:00:00+07:00'],
  ['ngay 15', '2026-12-15T08:00:00+07:00'],
  ['ngày 20 tháng 12', '2026-12-20T08:00:00+07:00'],
  ['20 tháng 12', '2026-12-20T08:00:00+07:00'],
  ['ngay 20 thang 12', '2026-12-20T08:00:00+07:00'],
  ['ngày 5 tháng sau', '2027-01-05T08:00:00+07:00'],
  ['15/1', '2027-01-15T08:00:00+07:00'],
  ['ngày 1 tháng 1', '2027-01-01T08:00:00+07:00'],
  ['ngày 30 tháng 11', '2027-11-30T08:00:00+07:00'],
  ['ngày 20 tháng 12 năm sau', 'too-far'],
  ['2/12/2027', '2027-12-02T08:00:00+07:00'],
  ['14h', { iso: '2026-12-01T14:00:00+07:00', timeGiven: true }],
  ['14:00', '2026-12-01T14:00:00+07:00'],
  ['14:30', '2026-12-01T14:30:00+07:00'],
  ['8h30 mai', '2026-12-02T08:30:00+07:00'],
  ['mai 8 giờ 30', '2026-12-02T08:30:00+07:00'],
  ['mai 8g30', '2026-12-02T08:30:00+07:00'],
  ['mai 8 gio 30', '2026-12-02T08:30:00+07:00'],
  ['mai 8h rưỡi', '2026-12-02T08:30:00+07:00'],
  ['9 giờ kém 15 sáng mai', '2026-12-02T08:45:00+07:00'],
  ['tám giờ sáng mai', '2026-12-02T08:00:00+07:00'],
  ['mai lúc 9', '2026-12-02T09:00:00+07:00'],
  ['02:00 mai', '2026-12-02T02:00:00+07:00'],
  ['2 giờ chiều', { iso: '2026-12-01T14:00:00+07:00', timeGiven: true }],
  ['2 gio chieu', '2026-12-01T14:00:00+07:00'],
  ['8 giờ tối', '2026-12-01T20:00:00+07:00'],
  ['10 giờ đêm', '2026-12-01T22:00:00+07:00'],
  ['10 gio dem', '2026-12-01T22:00:00+07:00'],
  ['12 giờ trưa mai', '2026-12-02T12:00:00+07:00'],
  ['12 giờ đêm nay', '2026-12-02T00:00:00+07:00'],
  ['2 giờ đêm nay', '2026-12-02T02:00:00+07:00'],
  ['chiều', { iso: '2026-12-01T14:00:00+07:00', timeGiven: false }],
  ['trưa', '2026-12-01T12:00:00+07:00'],
  ['tối', '2026-12-01T19:00:00+07:00'],
  ['sáng thứ 7', '2026-12-05T08:00:00+07:00'],
  ['chieu cn', '2026-12-06T14:00:00+07:00'],
  ['thứ 6 ngày 11/12', '2026-12-11T08:00:00+07:00'],
  ['mai thứ 4', '2026-12-02T08:00:00+07:00'],
  // Lunar (23/10 today; tháng 11 âm lịch starts 9/12/2026, tháng Chạp 8/1/2027, Tết 6/2/2027).
  [
    'mùng 1 tháng 11 âm lịch',
    { iso: '2026-12-09T08:00:00+07:00', words: 'Thứ Tư, 09/12/2026 lúc 08:00 (mùng 1 tháng 11 âm lịch)' },
  ],
  ['mung 1 thang 11 am lich', '2026-12-09T08:00:00+07:00'],
  ['mồng 1', '2026-12-09T08:00:00+07:00'],
  ['mùng một tháng một âm lịch', '2026-12-09T08:00:00+07:00'],
  ['mùng 10 tháng một âm lịch', '2026-12-18T08:00:00+07:00'],
  ['rằm tháng 11 âm lịch', '2026-12-23T08:00:00+07:00'],
  ['rằm', '2026-12-23T08:00:00+07:00'],
  [
    'rằm tháng Giêng',
    { iso: '2027-02-20T08:00:00+07:00', words: 'Thứ Bảy, 20/02/2027 lúc 08:00 (rằm tháng Giêng âm lịch)' },
  ],
  ['ram thang gieng', '2027-02-20T08:00:00+07:00'],
  ['rằm tháng Chạp', '2027-01-22T08:00:00+07:00'],
  ['mùng 1 Tết', '2027-02-06T08:00:00+07:00'],
  ['mung 1 tet', '2027-02-06T08:00:00+07:00'],
  ['mùng 1 tháng giêng năm sau', '2027-02-06T08:00:00+07:00'],
  ['mùng 5 tháng sau', '2026-12-13T08:00:00+07:00'],
  ['25/10 âm lịch', '2026-12-03T08:00:00+07:00'],
  ['25/10 al', '2026-12-03T08:00:00+07:00'],
  ['ngày 25 tháng 10 âm lịch', '2026-12-03T08:00:00+07:00'],
  ['mùng 2 tháng 9 dương lịch', '2027-09-02T08:00:00+07:00'],
  // Refusals.
  ['31/2', 'invalid'],
  ['30/2', 'invalid'],
  ['31/4', 'invalid'],
  ['32/1', 'invalid'],
  ['ngày 32', 'invalid'],
  ['13/13', 'invalid'],
  ['25 giờ', 'invalid'],
  ['8h75', 'invalid'],
  ['24h', 'invalid'],
  ['thứ 8', 'invalid'],
  ['9 giờ kém 75', 'invalid'],
  ['29/2', 'invalid'],
  ['mùng 1 tháng 5 nhuận', 'invalid'],
  ['29/2/2028', 'too-far'],
  ['15/12/2028', 'too-far'],
  ['3/12/2027', 'too-far'],
  ['400 ngày nữa', 'too-far'],
  ['8h', 'past'],
  ['hôm qua', 'past'],
  ['hom qua', 'past'],
  ['hôm kia', 'past'],
  ['15/12/2025', 'past'],
  ['tuần trước', 'past'],
  ['0h', 'past'],
  ['abc', 'unclear'],
  ['bữa kia', 'unclear'],
  ['0 phút nữa', 'unclear'],
  ['cuối tuần', 'unclear'],
  ['', 'unclear'],
  ['nhắc tôi nhé', 'unclear'],
  ['mái nhà', 'unclear'],
  ['sáng', 'unclear'],
  ['hôm nay', 'unclear'],
  ['2 giờ', 'unclear'],
  ['mai 3h', 'unclear'],
  ['sáng 14h', 'unclear'],
  ['thứ 5 ngày 11/12', 'unclear'],
  ['mai thứ 5', 'unclear'],
  ['mai 8h, ngày kia 9h', 'unclear'],
  ['mai 8h sáng 9h', 'unclear'],
  ['tuần này', 'unclear'],
  ['tháng sau', 'unclear'],
  ['15/12 âm lịch dương lịch', 'unclear'],
  ['30 phút nữa lúc 8h', 'unclear'],
  ['đêm nay', 'unclear'],
  // What to be reminded of: the rest of the message.
  ['nhắc tôi thứ 6 lên xã nộp hồ sơ', { iso: '2026-12-04T08:00:00+07:00', rest: 'lên xã nộp hồ sơ' }],
  ['nhac toi thu 6 len xa nop ho so', { iso: '2026-12-04T08:00:00+07:00', rest: 'len xa nop ho so' }],
  [
    'Nhắc tôi lên xã nộp hồ sơ vào thứ 6 lúc 8h nhé',
    { iso: '2026-12-04T08:00:00+07:00', rest: 'lên xã nộp hồ sơ', timeGiven: true },
  ],
  ['mai toi di kham benh', { iso: '2026-12-02T08:00:00+07:00', rest: 'toi di kham benh' }],
  ['nhac toi toi mai di hop', { iso: '2026-12-02T19:00:00+07:00', rest: 'di hop' }],
  ['Khoảng 3 giờ chiều mai đi họp thôn', { iso: '2026-12-02T15:00:00+07:00', rest: 'đi họp thôn' }],
  ['Thứ 6, đi tiêm cho cháu', { iso: '2026-12-04T08:00:00+07:00', rest: 'đi tiêm cho cháu' }],
]);

// Monday 7/12/2026, 09:00.
table('2026-12-07T09:00:00+07:00', [
  ['thứ 2', '2026-12-14T08:00:00+07:00'],
  ['thứ hai', '2026-12-14T08:00:00+07:00'],
  ['thứ 2 tuần này 10h', '2026-12-07T10:00:00+07:00'],
  ['thứ 2 tuần sau', '2026-12-14T08:00:00+07:00'],
  ['tuần sau', '2026-12-14T08:00:00+07:00'],
  ['chủ nhật', '2026-12-13T08:00:00+07:00'],
  ['t7', '2026-12-12T08:00:00+07:00'],
  ['8h', 'past'],
  ['9h30', '2026-12-07T09:30:00+07:00'],
]);

// Sunday 6/12/2026, 20:00.
table('2026-12-06T20:00:00+07:00', [
  ['tuần sau', '2026-12-07T08:00:00+07:00'],
  ['chủ nhật', '2026-12-13T08:00:00+07:00'],
  ['chủ nhật tuần sau', '2026-12-13T08:00:00+07:00'],
  ['thứ 2', '2026-12-07T08:00:00+07:00'],
  ['thứ hai tuần sau', '2026-12-07T08:00:00+07:00'],
  ['cn tuần này', 'unclear'],
  ['tối nay', 'unclear'],
  ['9 giờ tối nay', '2026-12-06T21:00:00+07:00'],
  ['mai', '2026-12-07T08:00:00+07:00'],
]);

// Thursday 31/12/2026, 10:00: the year turns.
table('2026-12-31T10:00:00+07:00', [
  ['mai', '2027-01-01T08:00:00+07:00'],
  ['ngày mai 7h', '2027-01-01T07:00:00+07:00'],
  ['ngày 5', '2027-01-05T08:00:00+07:00'],
  ['15/1', '2027-01-15T08:00:00+07:00'],
  ['15/1 năm sau', '2027-01-15T08:00:00+07:00'],
  ['thứ 2', '2027-01-04T08:00:00+07:00'],
  ['tuần sau', '2027-01-04T08:00:00+07:00'],
  ['3 ngày nữa', '2027-01-03T08:00:00+07:00'],
  ['ngày 31 lúc 15h', '2026-12-31T15:00:00+07:00'],
  ['31/12', 'unclear'],
  ['ngày 30', '2027-01-30T08:00:00+07:00'],
  ['15 tiếng nữa', '2027-01-01T01:00:00+07:00'],
  ['mùng 1 Tết', '2027-02-06T08:00:00+07:00'],
]);

// Sunday 20/12/2026 and Thursday 5/11/2026: "ngày N" past this month, or missing from it.
table('2026-12-20T10:00:00+07:00', [
  ['ngày 5', '2027-01-05T08:00:00+07:00'],
  ['ngày 19', '2027-01-19T08:00:00+07:00'],
  ['ngày 20 lúc 14h', '2026-12-20T14:00:00+07:00'],
]);
table('2026-11-05T10:00:00+07:00', [
  ['ngày 31', 'unclear'],
  ['ngày 30', '2026-11-30T08:00:00+07:00'],
  ['ngày 31 tháng sau', '2026-12-31T08:00:00+07:00'],
  ['ngày 31 tháng này', 'invalid'],
]);
table('2027-01-31T10:00:00+07:00', [
  ['ngày 30', 'unclear'],
  ['mai', '2027-02-01T08:00:00+07:00'],
]);

// Near midnight in Vietnam (another calendar day in UTC).
table('2026-12-01T23:30:00+07:00', [
  ['mai', '2026-12-02T08:00:00+07:00'],
  ['30 phút nữa', '2026-12-02T00:00:00+07:00'],
  ['thứ 4', '2026-12-02T08:00:00+07:00'],
]);
table('2026-12-02T00:30:00+07:00', [
  ['mai', '2026-12-03T08:00:00+07:00'],
  ['thứ 4', '2026-12-09T08:00:00+07:00'],
  ['8h', '2026-12-02T08:00:00+07:00'],
  ['hôm nay 8h', '2026-12-02T08:00:00+07:00'],
]);

// Lunar year 2025 had a leap 6th month (1/6 = 25/6/2025, 1/6 nhuận = 25/7/2025).
table('2025-07-01T10:00:00+07:00', [
  ['rằm tháng 6 âm lịch', '2025-07-09T08:00:00+07:00'],
  ['rằm', '2025-07-09T08:00:00+07:00'],
  [
    'mùng 5 tháng sau',
    {
      iso: '2025-07-29T08:00:00+07:00',
      words: 'Thứ Ba, 29/07/2025 lúc 08:00 (mùng 5 tháng 6 nhuận âm lịch)',
    },
  ],
  ['mùng 1 tháng 6 nhuận', '2025-07-25T08:00:00+07:00'],
  ['rằm tháng 7 âm lịch', '2025-09-06T08:00:00+07:00'],
]);
table('2025-08-01T10:00:00+07:00', [
  [
    'rằm',
    { iso: '2025-08-08T08:00:00+07:00', words: 'Thứ Sáu, 08/08/2025 lúc 08:00 (rằm tháng 6 nhuận âm lịch)' },
  ],
  ['rằm tháng 8 âm lịch', '2025-10-06T08:00:00+07:00'],
  ['mùng 1 tháng 6 nhuận', 'past'],
]);
table('2023-03-01T10:00:00+07:00', [
  ['mùng 1 tháng 2 nhuận', '2023-03-22T08:00:00+07:00'],
  ['rằm tháng 8 al', '2023-09-29T08:00:00+07:00'],
]);
// Mùng 1 Tết 2027 itself.
table('2027-02-06T10:00:00+07:00', [
  ['mùng 3 Tết', '2027-02-08T08:00:00+07:00'],
  ['mùng 1 Tết', 'unclear'],
  ['mùng 1 Tết 14h', '2027-02-06T14:00:00+07:00'],
  ['rằm tháng Giêng', '2027-02-20T08:00:00+07:00'],
]);

// English, for residents who chose English (Tuesday 1/12/2026, 10:00), and «8am» in Vietnamese.
table('2026-12-01T10:00:00+07:00', [
  ['tomorrow 8am to bring my papers', { iso: '2026-12-02T08:00:00+07:00', rest: 'bring my papers' }],
  ['Friday 2pm', '2026-12-04T14:00:00+07:00'],
  ['next monday 9:30 am', '2026-12-07T09:30:00+07:00'],
  ['in 2 hours', '2026-12-01T12:00:00+07:00'],
  ['in 3 days', '2026-12-04T08:00:00+07:00'],
  ['tonight 8pm', '2026-12-01T20:00:00+07:00'],
  ['this afternoon at 3', '2026-12-01T15:00:00+07:00'],
  ['day after tomorrow at 7', '2026-12-03T07:00:00+07:00'],
  ['sunday noon', '2026-12-06T12:00:00+07:00'],
  ['tomorrow 12pm', '2026-12-02T12:00:00+07:00'],
  ['today 9am', 'past'],
  ['mai 8am lên xã', { iso: '2026-12-02T08:00:00+07:00', rest: 'lên xã' }],
]);

describe('refusal messages', () => {
  const now = new Date('2026-12-01T10:00:00+07:00');
  it('are Vietnamese, polite and ask back', () => {
    for (const text of [
      '31/2',
      '25 giờ',
      'abc',
      'hôm qua',
      '15/12/2028',
      '8h',
      '2 giờ',
      'thứ 5 ngày 11/12',
    ]) {
      const r = parseWhen(text, now);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(/ạ\?$|\?$/);
        expect(r.message).toMatch(/Bà con|bà con/);
        expect(r.message.length).toBeLessThan(160);
      }
    }
  });
  it('say what is wrong', () => {
    expect(parseWhen('31/2', now)).toMatchObject({
      message: 'Ngày 31/2 không có trong lịch. Bà con muốn nhắc vào ngày nào ạ?',
    });
    expect(parseWhen('8h', now)).toMatchObject({
      reason: 'past',
      message: 'Hôm nay đã qua 08:00 rồi ạ. Bà con muốn nhắc lúc 08:00 ngày mai phải không ạ?',
    });
    expect(parseWhen('thứ 5 ngày 11/12', now)).toMatchObject({
      message: 'Ngày 11/12/2026 là Thứ Sáu, không phải Thứ Năm. Bà con muốn nhắc vào ngày nào ạ?',
    });
    expect(parseWhen('2 giờ', now)).toMatchObject({
      message: 'Bà con muốn nhắc lúc 2 giờ sáng hay 2 giờ chiều ạ?',
    });
  });
});

describe('options and formatters', () => {
  const now = new Date('2026-12-01T10:00:00+07:00');
  it('maxAheadDays limits how far ahead', () => {
    expect(parseWhen('15/12', now, { maxAheadDays: 7 })).toMatchObject({ ok: false, reason: 'too-far' });
    expect(parseWhen('8/12', now, { maxAheadDays: 7 })).toMatchObject({ ok: true });
  });
  it('formats in Vietnam time whatever the instant', () => {
    const at = new Date('2026-12-12T17:30:00Z');
    expect(formatWhenIso(at)).toBe('2026-12-13T00:30:00+07:00');
    expect(formatWhenWords(at)).toBe('Chủ Nhật, 13/12/2026 lúc 00:30');
    expect(formatWhenWords(new Date('2026-12-11T01:00:00Z'))).toBe('Thứ Sáu, 11/12/2026 lúc 08:00');
  });
  it('writes the month by name in English (an American reads 04/12 as April 12), in Vietnam time', () => {
    expect(formatWhenWords(new Date('2026-12-03T17:30:00Z'), 'en')).toBe('Friday 4 December 2026 at 00:30');
    expect(formatDayIn({ y: 2027, m: 1, d: 19 }, 'en')).toBe('19 January 2027');
    expect(formatDayIn({ y: 2027, m: 1, d: 19 }, 'vi')).toBe('19/01/2027');
  });
  it('rejects an invalid now', () => {
    expect(() => parseWhen('mai', new Date('nope'))).toThrow(RangeError);
  });
});

describe('any text', () => {
  const words = [
    'mai',
    'thứ',
    '6',
    'tuần',
    'sau',
    '8h',
    'giờ',
    'chiều',
    'tối',
    'nay',
    'mùng',
    'rằm',
    'tháng',
  ];
  const more = ['âm lịch', 'kém', '15/12', '31/2', 'nữa', 'phút', '25', 'ngày', 'lúc', 'toi', 'nhắc', 'tôi'];
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(fc.constantFrom(...words, ...more), { maxLength: 8 }).map((w) => w.join(' ')),
  );
  const now = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2090-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('gets a future instant within a year, or a question back; never throws', () => {
    fc.assert(
      fc.property(text, now, (t, n) => {
        const r = parseWhen(t, n);
        if (r.ok) {
          expect(r.at.getTime()).toBeGreaterThan(n.getTime());
          expect(r.at.getTime() - n.getTime()).toBeLessThan(368 * 86_400_000);
          expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
          expect(Date.parse(r.iso)).toBe(r.at.getTime() - (r.at.getTime() % 1000));
        } else {
          expect(r.message).toMatch(/\?$/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
