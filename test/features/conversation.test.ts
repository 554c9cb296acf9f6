import { afterAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/features/index';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
afterAll(() => bot.close());

async function onboarded() {
  const r = bot.resident();
  await r.start('thon-1');
  return r;
}

describe('menu', () => {
  it('goes group → topic → section and back, with "Quay lại" and "Menu chính" everywhere', async () => {
    const r = await onboarded();
    await r.say('menu');
    await r.press('Hộ tịch');
    expect(r.buttons).toContain('Đăng ký khai sinh');
    expect(r.buttons).toContain('Menu chính');
    await r.press('Đăng ký khai sinh');
    expect(r.last.text).toMatch(/^Đăng ký khai sinh/);
    expect(r.buttons).toEqual(expect.arrayContaining(['Giấy tờ cần có', 'Lệ phí', 'Quay lại', 'Menu chính']));
    await r.press('Lệ phí');
    expect(r.last.text).toContain('Đăng ký khai sinh — Lệ phí');
    await r.press('Quay lại');
    expect(r.last.text).toMatch(/^Đăng ký khai sinh\n/);
    await r.press('Quay lại');
    expect(r.buttons).toContain('Đăng ký khai sinh');
    await r.press('Menu chính');
    expect(r.buttons).toContain('Cư trú và căn cước');
  });
});

describe('answers', () => {
  it('answers a question typed without diacritics, with section buttons and feedback', async () => {
    const r = await onboarded();
    await r.say('lam giay khai sinh cho con');
    expect(r.last.text).toMatch(/^Đăng ký khai sinh/);
    expect(r.buttons).toEqual(expect.arrayContaining(['Giấy tờ cần có', '👍 Có ích', '👎 Chưa rõ']));
    await r.press('Giấy tờ');
    expect(r.last.text).toContain('Giấy tờ cần có');
  });

  it('adds a scam warning to account topics and never asks for a password', async () => {
    const r = await onboarded();
    await r.say('quên mật khẩu vneid');
    expect(r.last.text).toContain('không bao giờ hỏi mật khẩu hay mã OTP');
  });

  it('asks "Ý bạn là…?" when two topics fit, and answers the one pressed', async () => {
    const r = await onboarded();
    await r.say('chứng thực');
    expect(r.last.text).toContain('ý bà con là');
    await r.press('Chứng thực chữ ký');
    expect(r.last.text).toMatch(/^Chứng thực chữ ký/);
  });

  it('after two misses in a row says so plainly and gives the office contacts', async () => {
    const r = await onboarded();
    const first = await r.say('xyzzy plugh');
    expect(r.text(first)).toContain('chưa hiểu rõ');
    const second = await r.say('qwerty asdf');
    expect(r.text(second)).toContain('vẫn chưa hiểu');
    expect(r.text(second)).toContain('Điện thoại:');
    expect(r.buttons).toContain('Menu chính');
  });

  it('answers "none of these" with the menu and the office contacts', async () => {
    const r = await onboarded();
    await r.say('chứng thực');
    const replies = await r.press('Không phải các việc trên');
    expect(r.text(replies)).toContain('vẫn chưa hiểu');
    expect(r.text(replies)).toContain('Giờ làm việc:');
  });

  it('carries out an action topic through its feature (reminders), and is honest where none exists yet', async () => {
    const r = await onboarded();
    await r.pressPayload('topic:nhac-lich');
    expect(r.last.text).toContain('muốn tôi nhắc lúc nào');
    await r.press('Hủy');
    await r.pressPayload('topic:gap-can-bo');
    expect(r.last.text).toContain('cần hỏi cán bộ xã việc gì');
    // A bot built without the feature that carries a topic out says so, with the office's contacts.
    const bare = createTestBot(FEATURES.filter((f) => f.id !== 'handoff'));
    try {
      const s = bare.resident(undefined, 'telegram');
      await s.start();
      await s.press('Bỏ qua');
      await s.pressPayload('topic:gap-can-bo');
      expect(s.last.text).toContain('chưa làm được ngay trên đây');
    } finally {
      await bare.close();
    }
  });
});

describe('feedback', () => {
  it('thanks the resident and counts 👍 / 👎 per topic, once per topic and conversation', async () => {
    const r = await onboarded();
    const other = await onboarded();
    const before = await bot.deps.feedback.totals('ket-hon');
    await r.say('đăng ký kết hôn');
    await r.press('👍');
    expect(r.last.text).toContain('Cảm ơn');
    await r.say('đăng ký kết hôn');
    await r.press('👍');
    expect(r.last.text).toContain('Cảm ơn');
    await other.say('đăng ký kết hôn');
    await other.press('👎');
    // «Chưa rõ»: a person is one tap away
    expect(other.buttons).toContain('👤 Gặp cán bộ');
    const after = await bot.deps.feedback.totals('ket-hon');
    expect(after).toEqual({ up: before.up + 1, down: before.down + 1 });
  });
});

describe('language and help', () => {
  it('switches to English on request and back', async () => {
    const r = await onboarded();
    await r.say('English');
    expect(r.transcript.at(-2)?.text).toContain('answer in English');
    expect(r.buttons).toContain('Civil status (birth, death, marriage)');
    await r.press('Tiếng Việt');
    expect(r.buttons).toContain('Hộ tịch (khai sinh, khai tử, kết hôn)');
    // as people type it (it got the nationality reply in a trial)
    await r.say('in English please');
    await r.say('english please');
    expect(r.transcript.at(-2)?.text).toContain('answer in English');
    await r.say('switch to Vietnamese please');
    expect(r.buttons).toContain('Hộ tịch (khai sinh, khai tử, kết hôn)');
  });

  it('explains how to use the bot', async () => {
    const r = await onboarded();
    await r.say('/help');
    expect(r.last.text).toContain('Cách dùng');
  });
});

describe('deleting my data', () => {
  it('asks for confirmation, then deletes the profile and the session', async () => {
    const r = await onboarded();
    await r.say('xóa dữ liệu của tôi');
    expect(r.last.text).toContain('không hoàn tác');
    await r.press('Có, xóa hết');
    expect(r.last.text).toContain('đã xóa hết');
    expect(await bot.profile(r.user)).toBeUndefined();
    expect(await bot.session(r.user)).toBeUndefined();
    const again = await r.say('xin chào');
    expect(r.text(again)).toContain('thôn/làng nào');
  });

  it('does not delete on a stray "yes" without a fresh question, nor after "no"', async () => {
    const r = await onboarded();
    await r.pressPayload('del:yes');
    expect(r.last.text).toContain('không hoàn tác');
    await r.press('Không, giữ lại');
    expect(await bot.profile(r.user)).toBeDefined();
    await r.say('xóa dữ liệu');
    bot.advance(6 * 60_000);
    await r.pressPayload('del:yes');
    expect(await bot.profile(r.user)).toBeDefined();
  });
});

describe('bad input', () => {
  it('answers a stale or forged button harmlessly', async () => {
    const r = await onboarded();
    for (const p of [
      'sec:khong-co:giay-to',
      'topic:../../etc',
      'g:nope',
      'fb:khai-sinh:maybe',
      '<script>',
      'x'.repeat(64),
    ]) {
      const replies = await r.pressPayload(p);
      expect(r.text(replies), p).toContain('nút này đã cũ');
    }
  });

  it('keeps the session and profile intact when a message is 10 KB long', async () => {
    const r = await onboarded();
    const replies = await r.say(`khai sinh ${'ư'.repeat(10_000)}`);
    expect(r.text(replies)).toContain('chỉ đọc phần đầu');
    expect((await bot.profile(r.user))?.village).toBe('thon-1');
  });
});
