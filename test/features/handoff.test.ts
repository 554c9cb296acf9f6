import { afterAll, describe, expect, it } from 'vitest';
import { closeQuietTickets } from '../../src/features/handoff-relay';
import { createTestBot, STAFF_CHAT } from '../helpers/test-bot';

const ADMIN = '900001';
const STAFF_2 = '900002';
// 27 November 2026, 09:00 in Vietnam: a Friday, office hours.
const bot = createTestBot(undefined, { admins: [`telegram:${ADMIN}`, `telegram:${STAFF_2}`] });
afterAll(() => bot.close());

const codeOf = (text: string) => /HT-[A-Z0-9]{4}/.exec(text)?.[0] ?? '';
const group = () => bot.queued('telegram', STAFF_CHAT);
const toResident = (id: string) => bot.queued('telegram', id);

async function openTicket(id: string, question = 'Tôi muốn hỏi về sổ đỏ của nhà tôi') {
  const r = bot.resident(id, 'telegram');
  await r.start();
  await r.press('Thôn/làng 3');
  await r.say('làm giấy khai sinh cần gì');
  await r.say('cho tôi gặp cán bộ');
  expect(r.last.text).toContain('cần hỏi cán bộ xã việc gì');
  await r.say(question);
  const code = codeOf(r.last.text);
  expect(code).not.toBe('');
  return { r, code };
}

/** The staff group's message about a ticket, as a staff member replies to it. */
async function ticketCard(code: string): Promise<string> {
  const card = (await group()).find((j) => j.reply.text.startsWith(`🙋 ${code}`));
  if (!card) throw new Error(`no ticket ${code} in the staff group`);
  return card.reply.text;
}

describe('«Gặp cán bộ»: a person when the bot is not enough', () => {
  it('opens a ticket with the question and the messages before; staff replies reach the resident; the bot stays quiet', async () => {
    const { r, code } = await openTicket('tg-an');
    expect(r.last.text).toContain('giờ làm việc, cán bộ sẽ trả lời sớm');
    const card = await ticketCard(code);
    expect(card).toContain('Hỏi: Tôi muốn hỏi về sổ đỏ của nhà tôi');
    expect(card).toContain('› làm giấy khai sinh cần gì');
    expect(card).toContain('Thôn/làng 3');

    // While the ticket is open the bot passes messages on, and says so (silence read as a broken chat).
    const passed = await r.say('nhà tôi ở gần trường học');
    expect(passed.map((x) => x.text)).toEqual([
      `✓ Đã chuyển thêm cho cán bộ (${code}). Cán bộ trả lời ngay tại đây.`,
    ]);
    expect((await group()).at(-1)?.reply.text).toContain(
      `${code} bà con nhắn thêm: nhà tôi ở gần trường học`,
    );
    // A phone number typed in the talk is masked before it is kept or shown (the talk goes on here).
    await r.say('số của tôi 0912 345 678');
    expect((await group()).at(-1)?.reply.text).toContain('số của tôi *******678');
    expect(JSON.stringify(await bot.services.handoff.get(code))).not.toContain('0912');

    const a = bot.inGroup(ADMIN);
    const b = bot.inGroup(STAFF_2);
    // Two staff members answer at the same moment: both reach the resident.
    await Promise.all([
      a.replyTo(card, 'Chào bác, bác mang sổ hộ khẩu cũ lên nhé'),
      b.replyTo(card, 'Sáng thứ Hai có cán bộ địa chính'),
    ]);
    expect(a.last.text).toContain(`Đã gửi cho bà con (${code})`);
    const relayed = (await toResident('tg-an')).map((j) => j.reply.text);
    expect(relayed).toEqual(
      expect.arrayContaining([
        '👤 Cán bộ xã: Chào bác, bác mang sổ hộ khẩu cũ lên nhé',
        '👤 Cán bộ xã: Sáng thứ Hai có cán bộ địa chính',
      ]),
    );
    expect((await bot.services.handoff.get(code))?.replies).toBe(2);

    await r.say('kết thúc');
    expect(r.text(r.transcript.slice(-2))).toContain('đã kết thúc trò chuyện với cán bộ');
    expect((await group()).at(-1)?.reply.text).toContain(`${code}: bà con đã kết thúc`);
    // The bot answers again.
    await r.say('đổi căn cước ở đâu');
    expect(r.last.text).toMatch(/căn cước/i);
    // A late staff reply is not sent.
    await a.replyTo(card, 'Bác còn cần gì không?');
    expect(a.last.text).toContain(`${code} đã đóng rồi`);
  });

  it('a request for staff that already says what it is about is passed on as it is, not asked again', async () => {
    const r = bot.resident('tg-home', 'telegram');
    await r.start();
    await r.press('Thôn/làng 2');
    await r.say('cán bộ đến nhà được không');
    // one tap to pass it on as typed (not silently: a question may only ask the hours)
    expect(r.last.text).toContain('tôi chuyển câu «cán bộ đến nhà được không» cho cán bộ xã nhé?');
    await r.press('✅ Gửi cho cán bộ');
    const code = codeOf(r.last.text);
    expect(code, r.last.text).not.toBe('');
    expect(await ticketCard(code)).toContain('Hỏi: cán bộ đến nhà được không');
    await r.say('kết thúc');
    // only asking for a person: the bot asks what about
    const s = bot.resident('tg-ask', 'telegram');
    await s.start();
    await s.press('Thôn/làng 2');
    await s.say('cho tôi gặp cán bộ');
    expect(s.last.text).toContain('cần hỏi cán bộ xã việc gì');
    await s.press('Hủy');
    // the hours asked with «có ai trực» are the office hours, not a request for a person
    await s.say('chủ nhật có ai trực không');
    expect(s.last.text).toContain('Giờ làm việc');
    // …and a request passed on may be refused: nothing is sent
    await s.say('cán bộ đến nhà được không');
    await s.press('Hủy');
    expect(await bot.services.handoff.openOf(s.user)).toBeUndefined();
  });

  it('«menu» in a talk brings the bot back and leaves the question open: the staff answer still arrives', async () => {
    const { r, code } = await openTicket('tg-menu');
    await r.say('menu');
    expect(r.text(r.transcript.slice(-2))).toContain(`Câu hỏi ${code} vẫn mở`);
    // the bot answers again, and nothing more goes to staff
    const before = (await group()).length;
    await r.say('đổi căn cước ở đâu');
    expect(r.last.text).toMatch(/căn cước/i);
    expect((await group()).length).toBe(before);
    // the staff answer reaches the resident all the same
    const staff = bot.inGroup(ADMIN);
    await staff.replyTo(await ticketCard(code), 'Bác lên Công an xã sáng mai nhé');
    expect(staff.last.text).toContain(`Đã gửi cho bà con (${code})`);
    expect((await toResident('tg-menu')).at(-1)?.reply.text).toBe(
      '👤 Cán bộ xã: Bác lên Công an xã sáng mai nhé',
    );
    // «gặp cán bộ» again goes back to the same open question
    await r.say('cho tôi gặp cán bộ');
    expect(r.last.text).toContain(code);
    await r.say('kết thúc');
  });

  it('a button of an earlier answer pressed in a talk is answered by the bot; the talk goes on', async () => {
    const { r, code } = await openTicket('tg-button');
    // the khai sinh answer given before the talk: its «Lệ phí» button
    const fees = r.transcript
      .flatMap((x) => (x.buttons ?? []).flat())
      .find((b) => b.label.includes('Lệ phí'));
    expect(fees).toBeDefined();
    await r.pressPayload(fees!.payload);
    expect(r.last.text).toContain('Đăng ký khai sinh — Lệ phí');
    await r.say('còn một việc nữa');
    expect(r.last.text).toContain(`Đã chuyển thêm cho cán bộ (${code})`);
    // the «Menu chính» under it brings the bot back
    await r.press('Menu chính');
    expect(r.text(r.transcript.slice(-2))).toContain(`Câu hỏi ${code} vẫn mở`);
    await bot.inGroup(ADMIN).replyTo(await ticketCard(code), 'kết thúc');
  });

  it('a group member who is not staff cannot answer as staff', async () => {
    const { code } = await openTicket('tg-binh');
    const card = await ticketCard(code);
    const outsider = bot.inGroup('12345');
    await outsider.replyTo(card, 'tôi là cán bộ đây');
    expect(outsider.last.text).toContain('chỉ cán bộ xã mới trả lời');
    expect(await toResident('tg-binh')).toEqual([]);
    expect(bot.audit.some((e) => e.user === 'telegram:12345' && e.outcome === 'refused')).toBe(true);
    // Staff close it with «kết thúc»: the resident is told the bot is back.
    await bot.inGroup(ADMIN).replyTo(card, 'kết thúc');
    expect((await toResident('tg-binh')).at(-1)?.reply.text).toContain('cán bộ xã đã kết thúc trò chuyện');
  });

  it('outside office hours the resident is told when to expect an answer; a quiet ticket closes by itself', async () => {
    bot.advance(24 * 3_600_000); // Saturday 28 November, 09:00
    const { r, code } = await openTicket('tg-chi', 'hỏi về trợ cấp người cao tuổi');
    expect(r.last.text).toContain('ngoài giờ làm việc; cán bộ sẽ trả lời từ 07:00 Thứ Hai 30/11');
    const closed = await closeQuietTickets(bot.deps, Date.UTC(2026, 10, 28, 2) + 23 * 3_600_000, 24);
    expect(closed).toBe(0);
    expect(await closeQuietTickets(bot.deps, Date.UTC(2026, 10, 28, 2) + 25 * 3_600_000, 24)).toBe(1);
    expect((await toResident('tg-chi')).at(-1)?.reply.text).toContain('đã tự đóng');
    expect((await bot.services.handoff.get(code))?.closedBy).toBe('timeout');
  });
});
