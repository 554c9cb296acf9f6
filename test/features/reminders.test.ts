import { afterAll, describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot';

// The test bot's clock starts on Friday 27/11/2026 at 09:00 in Vietnam.
const bot = createTestBot();
const webBot = createTestBot(undefined, { canMessageLater: false });
afterAll(async () => {
  await bot.close();
  await webBot.close();
});

async function onboarded() {
  const r = bot.resident(undefined, 'telegram');
  await r.start();
  await r.press('Bỏ qua');
  return r;
}

describe('reminders in the conversation', () => {
  it('«Nhắc tôi» under a procedure: when → what (prefilled) → confirm in words → set, then listed', async () => {
    const r = await onboarded();
    await r.say('làm giấy khai sinh cho con cần gì');
    expect(r.buttons).toContain('⏰ Nhắc tôi');
    await r.press('⏰ Nhắc tôi');
    expect(r.last.text).toContain('muốn tôi nhắc lúc nào');
    expect(r.buttons).toEqual(expect.arrayContaining(['Sáng mai 8:00', 'Chiều mai 14:00', '3 ngày nữa']));
    await r.press('Chiều mai 14:00');
    expect(r.last.text).toContain('«Lên xã làm đăng ký khai sinh»');
    await r.press('Giữ nguyên');
    expect(r.last.text).toBe(
      'Tôi sẽ nhắc bà con «Lên xã làm đăng ký khai sinh» vào Thứ Bảy, 28/11/2026 lúc 14:00. Đúng không ạ?',
    );
    await r.press('Đúng, đặt nhắc');
    expect(r.last.text).toContain('Đã đặt nhắc');
    const pending = await bot.reminders.pending(r.user);
    expect(pending).toHaveLength(1);
    expect(new Date(pending[0]!.at).toISOString()).toBe('2026-11-28T07:00:00.000Z');

    await r.say('/nhacnho');
    expect(r.last.text).toContain('1. Thứ Bảy, 28/11/2026 lúc 14:00: Lên xã làm đăng ký khai sinh');
    await r.press('Hủy số 1');
    expect(r.text()).toContain('đã hủy lời nhắc');
    expect(await bot.reminders.pending(r.user)).toEqual([]);
    expect(r.last.text).toContain('chưa có lời nhắc nào');
  });

  it('writes the day in English for a resident who chose English: the weekday and the month by name', async () => {
    const r = await onboarded();
    await r.say('English');
    await r.say('birth registration');
    await r.press('⏰ Remind me');
    await r.press('Tomorrow 14:00');
    await r.press('Keep');
    // By name: an American reads 04/12 as April 12.
    expect(r.last.text).toMatch(/on Saturday 28 November 2026 at 14:00\. Is that right\?$/);
    await r.press('✅ Yes, set it');
    await r.say('/nhacnho');
    expect(r.last.text).toContain('1. Saturday 28 November 2026 at 14:00:');
  });

  it('reads the English example it gives («remind me friday 8am to bring my papers»), and says in English why a day cannot be', async () => {
    const r = await onboarded();
    await r.say('English');
    await r.say('remind me friday 8am to bring my papers');
    expect(r.last.text).toBe(
      'I will remind you "bring my papers" on Friday 4 December 2026 at 08:00. Is that right?',
    );
    const impossible = await onboarded();
    await impossible.say('English');
    const from = impossible.transcript.length;
    await impossible.say('remind me 30/2 8am to pay the fee');
    const replies = impossible.transcript
      .slice(from)
      .map((m) => m.text)
      .join('\n');
    expect(replies).toContain('That day or time is not in the calendar.');
    expect(replies).not.toMatch(/bà con|không có trong lịch/i);
  });

  it('free text: «nhắc tôi thứ 6 8h lên xã nộp hồ sơ» goes straight to the confirmation (typed without diacritics too)', async () => {
    const r = await onboarded();
    await r.say('nhắc tôi thứ 6 8h lên xã nộp hồ sơ');
    expect(r.last.text).toBe(
      'Tôi sẽ nhắc bà con «lên xã nộp hồ sơ» vào Thứ Sáu, 04/12/2026 lúc 08:00. Đúng không ạ?',
    );
    await r.say('dung');
    expect(r.last.text).toContain('Đã đặt nhắc');

    const bare = await onboarded();
    await bare.say('nhac toi ngay 15/12 2 gio chieu mang giay to len cong an xa');
    expect(bare.last.text).toContain('vào Thứ Ba, 15/12/2026 lúc 14:00');
    expect(bare.last.text).toContain('«mang giay to len cong an xa»');

    // «đặt lịch nhắc» opens a reminder too, though the task names a procedure (it got the BHYT answer)
    const other = await onboarded();
    await other.say('dat lich nhac ngay 15/12 8h di gia han bhyt');
    expect(other.last.text).toContain('vào Thứ Ba, 15/12/2026 lúc 08:00');
    expect(other.last.text).toContain('«di gia han bhyt»');

    // the English verb in a Vietnamese chat message («remind e…» got the căn cước answer)
    const mixed = await onboarded();
    await mixed.say('remind e ngay 20/12 di doi cccd nha');
    expect(mixed.last.text).toContain('vào Chủ Nhật, 20/12/2026');
    expect(mixed.last.text).toContain('«di doi cccd»');

    // called first, as a Zalo page is: «ad dat lich nhac…» got the BHYT answer
    const calling = await onboarded();
    await calling.say('ad ơi, đặt lịch nhắc giúp e ngày 15/12 đi gia hạn thẻ bhyt');
    expect(calling.last.text).toContain('vào Thứ Ba, 15/12/2026');
    expect(calling.last.text).toContain('«đi gia hạn thẻ bhyt»');
    const lich = await onboarded();
    await lich.say('ad nhac lich gia han tam tru giup e ngay 10/12');
    expect(lich.last.text).toContain('vào Thứ Năm, 10/12/2026');
    expect(lich.last.text).toContain('gia han tam tru');

    // asked for in the middle of the message: the reminder form, not the ID card answer
    const middle = await onboarded();
    await middle.say('co dat nhac lich doi cccd cho ong ba dc ko');
    expect(middle.last.text).toContain('muốn tôi nhắc lúc nào');
    // a story in which someone reminded the resident is not a request
    const story = await onboarded();
    await story.say('Anh công an khu vực nhắc tôi phải khai báo tạm trú cho người thuê trọ, làm ở đâu?');
    expect(story.text()).not.toContain('muốn tôi nhắc lúc nào');
  });

  it('a time that cannot be is said so with a question back, and the form asks again; a lunar date is understood', async () => {
    const r = await onboarded();
    await r.say('nhắc tôi 31/2 nộp hồ sơ');
    expect(r.text(r.transcript.slice(-2))).toMatch(/31\/2/);
    expect(r.last.text).toContain('muốn tôi nhắc lúc nào');
    await r.say('rằm tháng 11 âm lịch');
    // The task was kept from the first message; the 15th of the 11th lunar month 2026 is 23/12/2026.
    expect(r.text(r.transcript.slice(-1))).toContain('«nộp hồ sơ»');
    await r.press('Giữ nguyên');
    expect(r.last.text).toContain('23/12/2026 lúc 08:00');
  });

  it('quiet hours: «2 tiếng nữa» said at 20:00 moves to 07:00 the next morning; an exact «10 giờ tối» stays', async () => {
    const r = await onboarded();
    bot.advance(11 * 3600_000); // 20:00 on Friday
    await r.say('nhắc tôi 2 tiếng nữa gọi điện cho xã');
    expect(r.last.text).toContain('Thứ Bảy, 28/11/2026 lúc 07:00');
    await r.press('Hủy');
    await r.say('nhắc tôi 10 giờ tối nay xem lại giấy tờ');
    expect(r.last.text).toContain('Thứ Sáu, 27/11/2026 lúc 22:00');
    await r.press('Hủy');
    bot.advance(-11 * 3600_000);
  });

  it('«Nhắc tôi trước hạn» under khai sinh: asks the day of birth and reminds a week before the 60-day limit', async () => {
    const r = await onboarded();
    await r.say('đăng ký khai sinh');
    await r.press('Nhắc tôi trước hạn');
    expect(r.last.text).toContain('ngày cháu bé sinh là ngày nào');
    await r.say('20/11');
    expect(r.text(r.transcript.slice(-2))).toContain('Hạn cuối để Đăng ký khai sinh là ngày 19/01/2027');
    const [pending] = await bot.reminders.pending(r.user);
    // 12/01/2027 08:00 in Vietnam
    expect(new Date(pending!.at).toISOString()).toBe('2027-01-12T01:00:00.000Z');
  });

  it('takes the day of birth in words, and a deadline already passed keeps a way back to the procedure', async () => {
    const r = await onboarded();
    await r.say('đăng ký khai sinh');
    await r.press('Nhắc tôi trước hạn');
    // «chau sinh ngay 3 thang 5» was «tôi chưa đọc được ngày» in a trial with residents
    await r.say('chau sinh ngay 3 thang 5');
    expect(r.last.text).toContain('Hạn Đăng ký khai sinh là ngày 02/07/2026, đã qua rồi');
    expect(r.buttons).toEqual(expect.arrayContaining(['Quay lại', 'Menu chính']));
    await r.press('Quay lại');
    expect(r.last.text.startsWith('Đăng ký khai sinh')).toBe(true);
    expect(await bot.reminders.pending(r.user)).toHaveLength(0);
  });

  it('«Dời» moves a reminder; the reminder topic starts the form; a stray form button is stale', async () => {
    const r = await onboarded();
    await r.say('nhắc tôi mai 9h đi nhận kết quả');
    await r.press('Đúng, đặt nhắc');
    await r.say('nhac nho');
    await r.press('Dời số 1');
    await r.press('Sau 1 tiếng');
    const [moved] = await bot.reminders.pending(r.user);
    expect(new Date(moved!.at).toISOString()).toBe('2026-11-27T03:00:00.000Z');

    await r.say('đặt lời nhắc giúp tôi');
    expect(r.last.text).toContain('muốn tôi nhắc lúc nào');
    await r.press('Hủy');
    const stale = await r.pressPayload('remw:sm');
    expect(r.text(stale)).toContain('nút này đã cũ');
    expect(await bot.reminders.pending(r.user)).toHaveLength(1);
  });

  it('deleting my data deletes my reminders', async () => {
    const r = await onboarded();
    await r.say('nhắc tôi thứ 2 lên xã');
    await r.press('Đúng, đặt nhắc');
    expect(await bot.reminders.pending(r.user)).toHaveLength(1);
    await r.say('xóa dữ liệu của tôi');
    await r.press('Có, xóa hết');
    expect(await bot.reminders.pending(r.user)).toEqual([]);
  });

  it('on the web chat: no reminder is stored; a calendar file link and the other apps are offered', async () => {
    const r = webBot.resident(undefined, 'web');
    await r.say('nhắc tôi thứ 6 8h lên xã nộp hồ sơ');
    await r.press('Đúng, đặt nhắc');
    expect(r.last.text).toContain('không tự nhắn lại');
    expect(r.last.links?.[0]?.label).toBe('📅 Thêm vào lịch điện thoại');
    expect(r.last.links?.[0]?.url).toMatch(/^\/lich\.ics\?d=[\w-]+&s=[\w-]{32}$/);
    expect(await webBot.reminders.pending(r.user)).toEqual([]);
  });
});
