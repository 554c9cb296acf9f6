import { afterAll, describe, expect, it } from 'vitest';
import { createTestBot, STAFF_CHAT } from '../helpers/test-bot';

const ADMIN = '900001';
const bot = createTestBot(undefined, { admins: [`telegram:${ADMIN}`] });
afterAll(() => bot.close());

const staff = () => bot.inGroup(ADMIN);
const codeOf = (text: string) => /BD-[A-Z0-9]{4}/.exec(text)?.[0] ?? '';
const staffGroup = () => bot.queued('telegram', STAFF_CHAT);

/** A Zalo resident of Thôn 2 who has just read the postal answer and pressed the form's button. */
async function residentAtForm(id: string) {
  const r = bot.resident(id, 'zalo');
  await r.start();
  await r.press('Thôn/làng 2');
  await r.say('nhận kết quả qua bưu điện được không');
  await r.press('Đăng ký nhận kết quả qua bưu điện');
  return r;
}

async function register(id: string) {
  const r = await residentAtForm(id);
  await r.press('Đăng ký khai sinh');
  await r.press('Chưa có mã');
  await r.say('Trần Thị Bình');
  await r.say('0987 654 321');
  await r.press('Thôn/làng 2');
  await r.say('Xóm Suối, nhà thứ ba');
  await r.press('Đúng, gửi');
  return { r, code: codeOf(r.last.text) };
}

describe('results by post: the request', () => {
  it('a resident registers: wrong code and phone are refused and the form goes on; the staff group gets it', async () => {
    const r = await residentAtForm('zalo-an');
    const intro = r.text(r.transcript.slice(-2));
    expect(intro).toContain('Cước gửi mỗi nơi một khác');
    expect(intro).toContain('miễn hoặc giảm cước');
    expect(r.last.text).toContain('thủ tục gì');
    await r.press('Đăng ký khai sinh');
    await r.say('abc');
    expect(r.text(r.transcript.slice(-2))).toContain('mã hồ sơ này chưa đúng');
    expect(r.last.text).toContain('Mã hồ sơ');
    await r.say('h23.34-241201-0001');
    await r.say('Nguyễn Văn An');
    await r.say('0123 456');
    expect(r.text(r.transcript.slice(-2))).toContain('số điện thoại chưa đúng');
    await r.say('+84 912 345 678');
    // Asked even though the profile says Thôn 2: the result may go where the resident lives now.
    expect(r.last.text).toContain('Gửi kết quả về thôn, làng nào');
    expect(r.buttons).toContain('📍 Ngoài xã (nơi đang ở, làm ăn xa)');
    await r.press('Thôn/làng 2');
    expect(r.last.text).toContain('Địa chỉ nhận cụ thể');
    await r.say('Xóm Bãi, gần cầu treo');
    expect(r.last.text).toContain('Thủ tục: Đăng ký khai sinh');
    expect(r.last.text).toContain('Mã hồ sơ: H23.34-241201-0001');
    expect(r.last.text).toContain('Điện thoại: 0912345678');
    expect(r.last.text).toContain('Xóm Bãi, gần cầu treo, Thôn/làng 2');
    await r.press('Đúng, gửi');
    const code = codeOf(r.last.text);
    expect(code).toMatch(/^BD-[A-Z2-9]{4}$/);
    expect(r.last.text).toContain(`tra cứu ${code}`);

    const card = (await staffGroup()).find((j) => j.reply.text.includes(code));
    expect(card?.reply.text).toContain('Nguyễn Văn An · 0912345678');
    expect(card?.reply.buttons?.flat().map((b) => b.payload)).toEqual([
      `pst:${code}:da-tiep-nhan`,
      `pst-no:${code}`,
    ]);
  });

  it('a resident working away has the result sent to a full address outside the commune', async () => {
    const r = await residentAtForm('zalo-xa');
    await r.press('Đăng ký khai sinh');
    await r.press('Chưa có mã');
    await r.say('Lê Văn Xa');
    await r.say('0977 111 222');
    await r.press('📍 Ngoài xã (nơi đang ở, làm ăn xa)');
    expect(r.last.text).toContain('xã/phường, tỉnh');
    await r.say('12 đường Lê Lợi, phường Phú Cường, TP Thủ Dầu Một, Bình Dương');
    expect(r.last.text).toContain(
      'Địa chỉ: 12 đường Lê Lợi, phường Phú Cường, TP Thủ Dầu Một, Bình Dương, ngoài xã',
    );
    await r.press('Đúng, gửi');
    const code = codeOf(r.last.text);
    const card = (await staffGroup()).find((j) => j.reply.text.includes(code));
    expect(card?.reply.text).toContain('Bình Dương, ngoài xã');
    expect((await bot.services.postal.get(code))?.village).toBe('ngoai-xa');
  });

  it('staff move it through the statuses from the group; the resident is told each time; others cannot', async () => {
    const { r, code } = await register('zalo-binh');
    const stranger = bot.inGroup('555');
    await stranger.pressPayload(`pst:${code}:da-tiep-nhan`);
    expect(stranger.last.text).toContain('chỉ cán bộ xã');
    expect((await bot.services.postal.get(code))?.status).toBe('moi');

    const s = staff();
    await s.pressPayload(`pst:${code}:da-tiep-nhan`);
    expect(s.last.text).toContain(`${code} · Xã đã tiếp nhận`);
    await s.press('Đã gửi bưu điện');
    await s.press('Đã giao');
    expect(s.last.buttons ?? []).toEqual([]);
    // A late second press of an old button changes nothing.
    await s.pressPayload(`pst:${code}:da-tiep-nhan`);
    expect(s.last.text).toContain('đã ở trạng thái «Bưu điện đã giao»');

    const notices = (await bot.queued('zalo', r.user.id)).map((j) => j.reply.text);
    expect(notices).toEqual([
      expect.stringContaining(`${code}: xã đã tiếp nhận`),
      expect.stringContaining(`${code}: kết quả đã gửi qua bưu điện`),
      expect.stringContaining(`${code}: bưu điện đã giao`),
    ]);
    await r.say(`tra cứu ${code.toLowerCase().replace('-', ' ')}`);
    expect(r.last.text).toContain(`${code} · Đăng ký khai sinh: Bưu điện đã giao`);
    expect(r.last.text).toContain('Người nhận: 098****321');
    await r.say(`ad ơi tra cứu ${code}`);
    expect(r.last.text).toContain(`${code} · Đăng ký khai sinh: Bưu điện đã giao`);
    const other = bot.resident('zalo-other', 'zalo');
    await other.say(code);
    expect(other.last.text).toContain('Bưu điện đã giao');
    expect(other.last.text).not.toContain('098');
  });

  it('a refusal asks the staff member why, and the resident reads the reason', async () => {
    const { r, code } = await register('zalo-chi');
    const s = staff();
    await s.pressPayload(`pst-no:${code}`);
    expect(s.last.text).toContain(`Lý do từ chối ${code}`);
    await s.replyTo(s.last.text, 'Hồ sơ chưa đủ giấy tờ, mời bà con lên xã bổ sung');
    expect(s.last.text).toContain('Xã từ chối');
    const notice = (await bot.queued('zalo', r.user.id)).at(-1)?.reply.text;
    expect(notice).toContain('Lý do: Hồ sơ chưa đủ giấy tờ');
  });

  it('an unknown code is said plainly; «tra cứu» with no code is a question', async () => {
    const r = bot.resident('tg-x', 'telegram');
    await r.start();
    await r.press('Bỏ qua');
    await r.say('tra cứu BD-2222');
    expect(r.last.text).toContain('không tìm thấy mã BD-2222');
    await r.say('tra cứu hồ sơ trên mạng');
    expect(r.last.text).not.toContain('không tìm thấy mã');
  });

  it('deleting one’s data deletes one’s requests', async () => {
    const { r, code } = await register('zalo-dung');
    await r.say('xóa dữ liệu của tôi');
    await r.press('Có, xóa hết');
    expect(await bot.services.postal.get(code)).toBeUndefined();
  });
});
