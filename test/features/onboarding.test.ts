import { afterAll, describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
afterAll(() => bot.close());

describe('onboarding', () => {
  it('greets, asks the village, notes it, shows the privacy note and the main menu', async () => {
    const r = bot.resident();
    const first = await r.start();
    expect(r.text(first)).toContain('Xin chào bà con');
    expect(r.text(first)).toContain('thôn/làng nào');
    expect(r.buttons[0]).toMatch(/^Thôn\/làng 1\b/);
    expect(r.buttons).toContain('Bỏ qua');

    const done = await r.press('Thôn/làng 2');
    expect(r.text(done)).toContain('tôi ghi nhận bà con ở Thôn/làng 2');
    expect(r.text(done)).toContain('xóa dữ liệu của tôi');
    expect(r.buttons).toContain('Hộ tịch (khai sinh, khai tử, kết hôn)');
    expect((await bot.profile(r.user))?.village).toBe('thon-2');
  });

  it('preselects the village from a QR poster link', async () => {
    const r = bot.resident();
    const replies = await r.start('thon-3');
    expect(r.text(replies)).toContain('Thôn/làng 3');
    expect(r.text(replies)).not.toContain('thôn/làng nào');
    expect((await bot.profile(r.user))?.village).toBe('thon-3');
  });

  it('ignores a forged village id in the link and asks instead', async () => {
    const r = bot.resident();
    const replies = await r.start('khong-co-thon-nay');
    expect(r.text(replies)).toContain('thôn/làng nào');
  });

  it('understands the village typed as a number, and re-asks politely when it cannot', async () => {
    const r = bot.resident();
    await r.start();
    const wrong = await r.say('thôn gì đó xa lắm');
    expect(r.text(wrong)).toContain('chưa nhận ra thôn/làng này');
    await r.say('số 1');
    expect((await bot.profile(r.user))?.village).toBe('thon-1');
  });

  it('answers a question asked as the very first message once the village is chosen', async () => {
    const r = bot.resident();
    const hello = await r.say('lam giay khai sinh cho con can gi');
    expect(r.text(hello)).toContain('thôn/làng nào');
    const after = await r.press('Bỏ qua');
    expect(r.text(after)).toContain('Đăng ký khai sinh');
  });

  it('keeps a first question only briefly before the village step, with phone and ID numbers masked', async () => {
    const r = bot.resident();
    await r.say('con toi so cccd 001203004567, sdt 0912 345 678, lam khai sinh the nao');
    const raw = (await bot.redis.get(`${bot.prefix}session:${r.user.channel}:${r.user.id}`)) ?? '';
    expect(raw).toContain('khai sinh');
    expect(raw).not.toMatch(/001203004567|0912 345 678|912345678/);
    expect(raw).toContain('*********567');
    const ttl = await bot.redis.ttl(`${bot.prefix}session:${r.user.channel}:${r.user.id}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60);
  });

  it('understands «xóa dữ liệu của tôi» at the village step and forgets the pending question', async () => {
    const r = bot.resident();
    await r.say('lam giay khai sinh cho con can gi');
    const asked = await r.say('xoa du lieu cua toi');
    expect(r.text(asked)).not.toContain('chưa nhận ra thôn/làng');
    const done = await r.press('Có, xóa hết');
    expect(r.text(done)).toContain('đã xóa hết');
    expect(await bot.redis.keys(`${bot.prefix}*${r.user.id}*`)).toEqual([]);
  });

  it('lets the resident change village later, and cancel with "hủy"', async () => {
    const r = bot.resident();
    await r.start('thon-1');
    await r.say('đổi thôn');
    const cancelled = await r.say('hủy');
    expect(r.text(cancelled)).toContain('đã hủy');
    expect((await bot.profile(r.user))?.village).toBe('thon-1');
    await r.say('đổi thôn');
    await r.press('Thôn/làng 4');
    expect((await bot.profile(r.user))?.village).toBe('thon-4');
  });

  it('drops a form left unanswered too long and handles the message normally', async () => {
    const r = bot.resident();
    await r.start('thon-1');
    await r.say('đổi thôn');
    bot.advance(31 * 60_000);
    const replies = await r.say('dang ky ket hon can gi');
    expect(r.text(replies)).toContain('quá lâu');
    expect(r.text(replies)).toContain('Đăng ký kết hôn');
  });
});

describe('a question typed at the village step', () => {
  it('is answered, not read as a village name, and not lost', async () => {
    const r = bot.resident();
    await r.start();
    const replies = await r.say('doi cccd o dau');
    expect(r.text(replies)).not.toContain('chưa nhận ra thôn/làng');
    expect(r.text(replies)).toMatch(/căn cước/i);
    expect(await bot.profile(r.user)).toBeDefined();
  });

  it('does not clear the village of someone changing it', async () => {
    const r = bot.resident();
    await r.start('thon-2');
    await r.say('đổi thôn');
    await r.say('doi cccd o dau');
    expect((await bot.profile(r.user))?.village).toBe('thon-2');
  });
});
