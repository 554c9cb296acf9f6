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

  it('answers the first question too when a newcomer asks a second one instead of choosing a village', async () => {
    const r = bot.resident();
    const first = await r.say('làm giấy khai sinh cho con');
    expect(r.text(first)).toContain('thôn/làng nào');
    const replies = await r.say('đăng ký kết hôn cần gì');
    const texts = replies.map((reply) => reply.text);
    const birth = texts.findIndex((t) => t.startsWith('Đăng ký khai sinh'));
    const marriage = texts.findIndex((t) => t.startsWith('Đăng ký kết hôn'));
    expect(birth, texts.join('\n---\n')).toBeGreaterThanOrEqual(0);
    expect(marriage).toBeGreaterThan(birth);
    // The follow-up context is the last question's.
    const [fee] = await r.say('bao nhiêu tiền');
    expect(fee?.text).toMatch(/^Đăng ký kết hôn — /);
  });

  it('does not clear the village of someone changing it', async () => {
    const r = bot.resident();
    await r.start('thon-2');
    await r.say('đổi thôn');
    await r.say('doi cccd o dau');
    expect((await bot.profile(r.user))?.village).toBe('thon-2');
  });
});

describe('a channel the bot cannot message later (the web chat)', () => {
  const web = createTestBot(undefined, { canMessageLater: false });
  afterAll(() => web.close());
  const MENU_FIRST = 'Hộ tịch (khai sinh, khai tử, kết hôn)';

  it('opens with the greeting, the privacy note and the main menu, without the village question', async () => {
    const r = web.resident();
    const replies = await r.start();
    expect(r.text(replies)).toContain('Xin chào bà con');
    expect(r.text(replies)).toContain('xóa dữ liệu của tôi');
    expect(r.text(replies)).not.toContain('thôn/làng nào');
    expect(r.buttons).toContain(MENU_FIRST);
    expect(r.buttons).toContain('Đổi thôn/làng');
    expect(
      r.buttons.some((b) => /^Thôn\/làng \d/.test(b)),
      'village buttons',
    ).toBe(false);
    expect(await web.profile(r.user)).toBeUndefined();
    expect((await web.session(r.user))?.flow, 'no form pending').toBeUndefined();
  });

  it('answers a first typed question at once, and keeps no pending question', async () => {
    const r = web.resident();
    const replies = await r.say('lam giay khai sinh cho con can gi');
    expect(r.text(replies)).toMatch(/^Đăng ký khai sinh/);
    expect(r.text(replies)).not.toContain('thôn/làng nào');
    expect(await web.profile(r.user)).toBeUndefined();
    const session = await web.session(r.user);
    expect(session?.flow, 'no form pending').toBeUndefined();
    const raw = (await web.redis.get(`${web.prefix}session:${r.user.channel}:${r.user.id}`)) ?? '';
    // Kept only among the last few messages (the context a staff member sees with «Gặp cán bộ»), which
    // expire with the session: not as a question waiting for onboarding.
    const { recent, ...rest } = JSON.parse(raw) as { recent?: string[] };
    expect(recent).toEqual(['lam giay khai sinh cho con can gi']);
    expect(JSON.stringify(rest), 'the question is not kept').not.toContain('khai sinh');
  });

  it('answers the first question right after opening the page too', async () => {
    const r = web.resident();
    await r.start();
    const replies = await r.say('doi cccd o dau');
    expect(r.text(replies)).toMatch(/căn cước/i);
    expect(r.text(replies)).not.toContain('thôn/làng');
  });

  it('still notes the village from a QR link', async () => {
    const r = web.resident();
    const replies = await r.start('thon-3');
    expect(r.text(replies)).toContain('Thôn/làng 3');
    expect(r.text(replies)).not.toContain('thôn/làng nào');
    expect((await web.profile(r.user))?.village).toBe('thon-3');
  });

  it('runs commands and menu buttons for a resident without a profile', async () => {
    const r = web.resident();
    const menu = await r.say('menu');
    expect(r.text(menu)).not.toContain('thôn/làng nào');
    expect(r.buttons).toContain(MENU_FIRST);
    const group = await r.press(MENU_FIRST);
    expect(r.buttons).toContain('Đăng ký khai sinh');
    expect(r.text(group)).not.toContain('thôn/làng nào');
    const english = await r.say('english');
    expect(r.text(english)).toMatch(/English/);
  });

  it('lets the village be chosen from the menu, which creates the profile', async () => {
    const r = web.resident();
    await r.start();
    const asked = await r.press('Đổi thôn/làng');
    expect(r.text(asked)).toContain('thôn/làng nào');
    const done = await r.press('Thôn/làng 2');
    expect(r.text(done)).toContain('Thôn/làng 2');
    expect((await web.profile(r.user))?.village).toBe('thon-2');
  });

  it('answers a question typed instead of a village in the menu’s village form, keeping nothing', async () => {
    const r = web.resident();
    await r.start();
    await r.press('Đổi thôn/làng');
    const replies = await r.say('doi cccd o dau');
    expect(r.text(replies)).not.toContain('chưa nhận ra thôn/làng');
    expect(r.text(replies)).toMatch(/căn cước/i);
    expect(await web.profile(r.user)).toBeUndefined();
  });

  it('deletes the data of a resident without a profile', async () => {
    const r = web.resident();
    await r.say('lam giay khai sinh');
    await r.say('xoa du lieu cua toi');
    const done = await r.press('Có, xóa hết');
    expect(r.text(done)).toContain('đã xóa hết');
    expect(await web.redis.keys(`${web.prefix}*${r.user.id}*`)).toEqual([]);
  });

  it('still asks a Telegram resident their village first', async () => {
    const r = web.resident(undefined, 'telegram');
    const first = await r.say('lam giay khai sinh cho con can gi');
    expect(r.text(first)).toContain('thôn/làng nào');
    const started = web.resident(undefined, 'telegram');
    expect(started.text(await started.start())).toContain('thôn/làng nào');
  });
});
