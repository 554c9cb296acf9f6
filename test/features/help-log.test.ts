import { afterAll, describe, expect, it } from 'vitest';
import { helpDays } from '../../src/core/help-log';
import { createTestBot } from '../helpers/test-bot';

// The test bot's clock starts on Friday 27/11/2026 at 09:00 in Vietnam.
const bot = createTestBot(undefined, { admins: ['telegram:1'] });
afterAll(async () => {
  await bot.close();
});
const TODAY = '20261127';

async function onboarded(id?: string) {
  const r = bot.resident(id, 'telegram');
  await r.start();
  await r.press('Bỏ qua');
  return r;
}

async function member(villages: string[]) {
  const r = await onboarded();
  await bot.services.roles.grant(r.user, { kind: 'team', villages });
  return r;
}

describe('the village teams’ help log (/hotro)', () => {
  it('a resident is refused politely, and the refusal is in the audit; «hỗ trợ» alone is answered', async () => {
    const r = await onboarded();
    await r.say('/hotro');
    expect(r.last.text).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
    expect(bot.audit).toContainEqual({
      user: `telegram:${r.user.id}`,
      action: 'help-log',
      outcome: 'refused',
    });
    await r.say('ghi nhận hỗ trợ');
    expect(r.last.text).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
    const refusals = bot.audit.length;
    await r.say('hỗ trợ');
    // A plea for help: the way to a staff member («Gặp cán bộ»).
    expect(r.last.text).toContain('cần hỏi cán bộ xã việc gì');
    expect(bot.audit).toHaveLength(refusals);
    // the help log's form was not started for a resident
    expect((await bot.session(r.user))?.flow?.flow).toBe('handoff');
  });

  it('a member of one village records a session in a few taps; the village is not asked', async () => {
    const r = await member(['thon-2']);
    await r.say('hỗ trợ');
    expect(r.last.text).toContain('Đã giúp bà con việc gì');
    expect(r.buttons).toEqual(
      expect.arrayContaining(['Đăng ký khai sinh', 'Tài khoản định danh điện tử VNeID', 'Việc khác', 'Hủy']),
    );
    await r.press('Đăng ký khai sinh');
    expect(r.last.text).toBe('Nộp hồ sơ trực tuyến?');
    expect(r.buttons).toEqual(['Có', 'Không', 'Hủy']);
    await r.press('Có');
    expect(r.last.text).toBe('Chọn nhận kết quả qua bưu điện?');
    await r.press('Không');
    expect(r.last.text).toBe('Kích hoạt VNeID?');
    await r.press('Có');
    expect(r.last.text).toContain('Đã ghi 1 lượt hỗ trợ: Đăng ký khai sinh, Thôn/làng 2.');
    expect(r.last.text).toContain('Hôm nay thôn đã có 1 lượt');
    expect(r.buttons).toEqual(['Ghi lượt khác', 'Menu chính']);

    const totals = await bot.deps.helpLog.totals(TODAY, TODAY);
    expect(totals).toMatchObject({ sessions: 1, online: 1, postal: 0, vneid: 1 });
    expect(totals.byVillage).toEqual({ 'thon-2': { sessions: 1, online: 1, postal: 0, vneid: 1 } });
    expect(totals.byTopic).toEqual({ 'khai-sinh': { sessions: 1, online: 1, postal: 0, vneid: 1 } });
    expect(totals.byDay).toEqual({ [TODAY]: { sessions: 1, online: 1, postal: 0, vneid: 1 } });

    // «Ghi lượt khác» starts again; typed answers work too.
    await r.press('Ghi lượt khác');
    expect(r.last.text).toContain('Đã giúp bà con việc gì');
    await r.say('9'); // the ninth button: «Việc khác»
    await r.say('co');
    await r.say('khong');
    await r.say('k');
    expect(r.last.text).toContain('Đã ghi 1 lượt hỗ trợ: Việc khác, Thôn/làng 2.');
    expect(r.last.text).toContain('Hôm nay thôn đã có 2 lượt');
    const after = await bot.deps.helpLog.totals(TODAY, TODAY);
    expect(after.byTopic.khac).toEqual({ sessions: 1, online: 1, postal: 0, vneid: 0 });
    expect(after.byVillage['thon-2']).toEqual({ sessions: 2, online: 2, postal: 0, vneid: 1 });
  });

  it('a member of two villages is asked which; a wrong answer asks again; có/không typed with diacritics', async () => {
    const r = await member(['thon-3', 'thon-4']);
    await r.say('/hotro');
    await r.press('thẻ căn cước');
    expect(r.last.text).toBe('Ở thôn nào ạ?');
    expect(r.buttons).toEqual(['Thôn/làng 3', 'Thôn/làng 4', 'Hủy']);
    await r.say('thon-5');
    expect(r.text(r.transcript.slice(-2))).toContain('chọn thôn trong các nút');
    await r.press('Thôn/làng 4');
    await r.say('không');
    await r.say('Có');
    // A «Có» of an earlier question pressed again does not answer this one.
    const stale = await r.pressPayload('hlp:online:y');
    expect(r.text(stale)).toContain('bấm «Có» hoặc «Không»');
    await r.say('khong');
    expect(r.last.text).toContain('Cấp đổi, cấp lại thẻ căn cước, Thôn/làng 4');
    const totals = await bot.deps.helpLog.totals(TODAY, TODAY);
    expect(totals.byVillage['thon-4']).toEqual({ sessions: 1, online: 0, postal: 1, vneid: 0 });
    expect(totals.byVillage['thon-3']).toBeUndefined();
  });

  it('a member revoked while the form is open is refused at the end, and nothing is counted', async () => {
    const r = await member(['thon-6']);
    await r.say('ghi hỗ trợ');
    await r.press('kết hôn');
    await r.press('Không');
    await r.press('Không');
    await bot.services.roles.revoke(r.user);
    await r.press('Không');
    expect(r.last.text).toContain('chỉ cán bộ xã hoặc tổ công nghệ số');
    expect(bot.audit).toContainEqual({
      user: `telegram:${r.user.id}`,
      action: 'help-log',
      outcome: 'refused',
    });
    expect((await bot.deps.helpLog.totals(TODAY, TODAY)).byVillage['thon-6']).toBeUndefined();
  });

  it('an admin chooses among every village', async () => {
    const admin = await onboarded('1');
    await admin.say('/hotro');
    await admin.press('VNeID');
    expect(admin.buttons).toHaveLength(8); // seven villages and «Hủy»
    await admin.press('Thôn/làng 7');
    await admin.press('Có');
    await admin.press('Có');
    await admin.press('Có');
    expect(admin.last.text).toContain(
      'Đã ghi 1 lượt hỗ trợ: Tài khoản định danh điện tử VNeID, Thôn/làng 7.',
    );
    expect((await bot.deps.helpLog.totals(TODAY, TODAY)).byVillage['thon-7']).toEqual({
      sessions: 1,
      online: 1,
      postal: 1,
      vneid: 1,
    });
  });

  it('nothing stored in the help log names a person: not the member, not the resident', async () => {
    const r = await onboarded('member8675309');
    await bot.services.roles.grant(r.user, { kind: 'team', villages: ['thon-1'] });
    await r.say('/hotro');
    await r.press('Nộp hồ sơ trực tuyến');
    await r.press('Có');
    await r.press('Có');
    await r.press('Không');
    expect(r.last.text).toContain('Đã ghi 1 lượt hỗ trợ');

    const helpKeys = await bot.redis.keys(`${bot.prefix}help:*`);
    expect(helpKeys).toEqual([`${bot.prefix}help:${TODAY}`]);
    for (const key of helpKeys) {
      expect(key).not.toContain(r.user.id);
      const hash = await bot.redis.hgetall(key);
      expect(hash['village:thon-1']).toBe('1');
      for (const [field, value] of Object.entries(hash)) {
        expect(field).toMatch(
          /^(sessions|online|postal|vneid|(village|topic):[a-z0-9-]+(:(online|postal|vneid))?)$/,
        );
        expect(value).toMatch(/^\d+$/);
        expect(`${field} ${value}`).not.toContain(r.user.id);
      }
    }
    // The only keys naming the member are their own (profile, session) and their role.
    const all = await bot.redis.keys(`${bot.prefix}*`);
    const naming = all.filter((k) => k.includes(r.user.id));
    expect(naming.every((k) => !k.startsWith(`${bot.prefix}help`))).toBe(true);
  });

  it('an old form button outside the form is stale and counts nothing', async () => {
    const r = await member(['thon-5']);
    const before = await bot.deps.helpLog.totals(TODAY, TODAY);
    const replies = await r.pressPayload('hlp:online:y');
    expect(r.text(replies)).toContain('nút này đã cũ');
    expect(await bot.deps.helpLog.totals(TODAY, TODAY)).toEqual(before);
  });
});

describe('HelpLog.totals over many days', () => {
  it('sums the days of a span, both ends included, and counts each on its day in Vietnam', async () => {
    const log = bot.deps.helpLog;
    const base = {
      village: 'thon-5',
      topic: 'buu-chinh',
      filedOnline: false,
      postalReturn: true,
      vneidActivated: false,
    };
    // 31/12/2025 23:30 in Vietnam is 16:30 UTC; 01/01/2026 00:30 in Vietnam is still 31/12 in UTC.
    await log.record({ ...base, at: Date.UTC(2025, 11, 31, 16, 30) });
    await log.record({ ...base, at: Date.UTC(2025, 11, 31, 17, 30), filedOnline: true });
    await log.record({ ...base, at: Date.UTC(2026, 5, 15, 3, 0) });
    const year = await log.totals('20260101', '20261231');
    expect(year.byDay['20260101']).toEqual({ sessions: 1, online: 1, postal: 1, vneid: 0 });
    expect(year.byDay['20260615']).toEqual({ sessions: 1, online: 0, postal: 1, vneid: 0 });
    expect(year.byDay['20251231']).toBeUndefined();
    expect(year.byTopic['buu-chinh']).toEqual({ sessions: 2, online: 1, postal: 2, vneid: 0 });
    const eve = await log.totals('20251231', '20251231');
    expect(eve).toMatchObject({ sessions: 1, online: 0, postal: 1 });
  });

  it('refuses a session that would name a person, a bad day or a span over 3660 days', async () => {
    const log = bot.deps.helpLog;
    await expect(
      log.record({
        village: 'thon-1',
        topic: 'khai-sinh',
        filedOnline: true,
        postalReturn: false,
        vneidActivated: false,
        at: 0,
        // @ts-expect-error: no other field is accepted
        resident: 'Nguyễn Văn A',
      }),
    ).rejects.toThrow();
    await expect(
      log.record({
        village: 'Nguyễn Văn A',
        topic: 'khac',
        filedOnline: false,
        postalReturn: false,
        vneidActivated: false,
        at: 0,
      }),
    ).rejects.toThrow();
    await expect(log.totals('20260230', '20260301')).rejects.toThrow(RangeError);
    await expect(log.totals('20260301', '20260201')).rejects.toThrow(RangeError);
    await expect(log.totals('20160101', '20260301')).rejects.toThrow(RangeError);
    expect(helpDays('20240228', '20240301')).toEqual(['20240228', '20240229', '20240301']);
    expect(helpDays('20160101', '20260101')).toHaveLength(3654);
  });
});
