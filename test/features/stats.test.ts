import { afterAll, describe, expect, it } from 'vitest';
import { monthPeriods } from '../../src/features/stats';
import { createTestBot } from '../helpers/test-bot';

const ADMIN = '900001';
// The web chat answers at once (no village step), as in production.
const bot = createTestBot(undefined, { admins: [`telegram:${ADMIN}`], canMessageLater: false });
afterAll(() => bot.close());

async function admin() {
  const a = bot.resident(ADMIN, 'telegram');
  if (!(await bot.profile(a.user))) {
    await a.start();
    await a.press('Bỏ qua');
  }
  return a;
}

const linkOf = (reply: { links?: readonly { url: string }[] }) => reply.links?.[0]?.url ?? '';
const nonceOf = (url: string) => new URL(url).searchParams.get('t') ?? '';

describe('/thongke and /dashboard in chat', () => {
  it('the periods are this month so far and the whole of last month, in Vietnam', () => {
    // 2026-03-31 23:30 UTC is already 1 April in Vietnam.
    expect(monthPeriods(Date.UTC(2026, 2, 31, 23, 30))).toEqual({
      current: { from: '2026-04-01', to: '2026-04-01' },
      previous: { from: '2026-03-01', to: '2026-03-31' },
    });
    expect(monthPeriods(Date.UTC(2026, 0, 15)).previous).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('staff see this month against last month, counted from real conversations', async () => {
    // Last month (the bot's clock starts on 27 November 2026): one web visitor asks twice.
    const early = bot.resident('early-visitor', 'web');
    await early.say('lam giay khai sinh can gi');
    await early.say('doi cccd o dau');
    bot.advance(10 * 86_400_000); // 7 December 2026
    const a = bot.resident('a-visitor', 'web');
    await a.say('lam giay khai sinh can gi');
    await a.press('👍');
    const b = bot.resident('b-visitor', 'web');
    await b.say('thời tiết hôm nay thế nào');
    await b.say('xyzzy qwerty');

    const staff = await admin();
    await staff.say('/thongke');
    const text = staff.last.text;
    expect(text).toContain('tháng 12/2026');
    // this month: two visitors plus the admin's own turns
    expect(text).toMatch(/Người dùng: 3 \(tháng trước 1\)/);
    expect(text).toMatch(/Tin nhắn: \d+ \(tháng trước 2\)/);
    // 1 answered of 3 questions (answer, out of scope, not understood); last month 2 of 2
    expect(text).toContain('Bot trả lời được 33 % của 3 câu hỏi (tháng trước 100 %)');
    expect(text).toContain('Hài lòng 👍: 100 % của 1 ý kiến');
    expect(text).toMatch(/Hỏi nhiều nhất: Đăng ký khai sinh \(1\)/);
    expect(text).toContain('Câu hỏi bot chưa hiểu: 1');
    expect(linkOf(staff.last)).toMatch(/^http:\/\/localhost:3000\/dashboard\/login\?t=[\w-]{32}$/);
  });

  it('a dashboard link is for the one who asked, and works once', async () => {
    const staff = await admin();
    await staff.say('/dashboard');
    const url = linkOf(staff.last);
    expect(staff.last.text).toContain('chỉ dùng được 1 lần');
    const sessions = bot.services.dashboard;
    expect(await sessions.redeem(nonceOf(url))).toEqual({ channel: 'telegram', id: ADMIN });
    expect(await sessions.redeem(nonceOf(url))).toBeUndefined();
  });

  it('residents get no statistics and no link; «thống kê …» from them is a question', async () => {
    const r = bot.resident('resident-1', 'telegram');
    await r.start();
    await r.press('Bỏ qua');
    for (const command of ['/thongke', '/dashboard']) {
      await r.say(command);
      expect(r.last.text).toContain('thống kê chỉ dành cho cán bộ xã');
      expect(r.last.links ?? []).toEqual([]);
    }
    expect(bot.audit.filter((e) => e.user === 'telegram:resident-1' && e.outcome === 'refused')).toHaveLength(
      2,
    );
    await r.say('thong ke');
    expect(r.last.text).not.toContain('Người dùng:');
  });

  it('staff at work in the staff group are not counted as residents writing to the bot', async () => {
    const day = new Date(bot.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const before = await bot.deps.reports.report(day, day);
    await bot.inGroup(ADMIN).say('/nhomcanbo');
    const after = await bot.deps.reports.report(day, day);
    expect(after.messages.received).toBe(before.messages.received);
    expect(after.residents.unique).toBe(before.residents.unique);
  });

  it('a staff member revoked in chat loses /thongke at once', async () => {
    const staff = bot.resident('staff-2', 'telegram');
    await staff.start();
    await staff.press('Bỏ qua');
    const a = await admin();
    await a.say('/capquyen telegram:staff-2 staff');
    await staff.say('/thongke');
    expect(staff.last.text).toContain('Người dùng:');
    await a.say('/thuhoi telegram:staff-2');
    await staff.say('/dashboard');
    expect(staff.last.text).toContain('thống kê chỉ dành cho cán bộ xã');
  });
});
