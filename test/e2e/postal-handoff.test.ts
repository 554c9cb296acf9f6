import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTelegram, groupCallbackUpdate, groupTextUpdate } from '../helpers/fake-telegram-api';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { TelegramResident } from '../helpers/telegram-resident';
import { until } from '../helpers/until';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';

/**
 * The end-to-end checks with the fake platforms and the outbox workers running: a Zalo resident
 * registers a postal return; staff on Telegram move it through the statuses; «Gặp cán bộ» from Telegram.
 */
const SECRET = 'telegram_webhook_secret_for_postal';
const ZALO_SECRET = 'zalo_webhook_secret_for_postal';
const STAFF_GROUP = -1009000001;
const STAFF = 4242;
const OUTSIDER = 5151;
let bed: TelegramBed;
let tg: FakeTelegram;
let zalo: FakeZalo;
let updateId = 9_100_000;
/** An update delivered by the webhook as Telegram would send it (with its update_id). */
const delivered = (update: object) => bed.deliver({ update_id: ++updateId, ...update });

beforeAll(async () => {
  zalo = await startFakeZalo();
  bed = await startTelegramBed(
    SECRET,
    { apiBase: zalo.url, token: zalo.token, webhookSecret: ZALO_SECRET },
    { ROLE: 'all', STAFF_CHAT_ID: String(STAFF_GROUP), ADMIN_IDS: `telegram:${STAFF}` },
  );
  tg = bed.fake;
});
afterAll(async () => {
  await bed.close();
  await zalo.close();
});

const viaZalo = async (update: object) => {
  const status = await zalo.deliverTo(`${bed.server.url}/webhooks/zalo`, update, {
    form: 'wrapped',
    secret: ZALO_SECRET,
  });
  if (status !== 200) throw new Error(`zalo webhook answered ${status}`);
};
/** What the staff group has received so far (the bot's messages there). */
const groupMessages = () =>
  tg.sent(STAFF_GROUP).map((c) => ({
    text: String((c.params as { text: string }).text),
    messageId: (c.response as { result?: { message_id?: number } }).result?.message_id ?? 0,
    buttons: (
      (c.params as { reply_markup?: { inline_keyboard?: { callback_data: string }[][] } }).reply_markup
        ?.inline_keyboard ?? []
    )
      .flat()
      .map((b) => b.callback_data),
  }));
const inGroup = async (pred: (text: string) => boolean) => {
  await until(() => groupMessages().some((m) => pred(m.text)), 10_000);
  return groupMessages()
    .filter((m) => pred(m.text))
    .at(-1)!;
};

/** Picks the numbered option of the last Zalo message that starts with `label`. */
async function choose(r: ZaloResident, label: string) {
  const n = parseOptions(r.last).options.findIndex((o) => o.startsWith(label)) + 1;
  if (n === 0) throw new Error(`no option «${label}» in: ${r.last}`);
  return r.say(String(n));
}

describe('results by post, end to end', () => {
  it('a Zalo resident registers; staff on Telegram move it; the resident gets each notice and can look it up', async () => {
    const r = new ZaloResident(zalo, 'zalo-postal-1', viaZalo);
    await r.say('xin chào');
    await r.say('2');
    await r.say('nhận kết quả qua bưu điện được không');
    await choose(r, '📮 Đăng ký nhận kết quả');
    expect(r.messages.join('\n')).toContain('Cước gửi mỗi nơi một khác');
    await choose(r, 'Đăng ký khai sinh');
    const wrongCode = await r.say('12');
    expect(wrongCode.join('\n')).toContain('mã hồ sơ này chưa đúng');
    await r.say('H23.34-241201-0001');
    await r.say('Lê Văn Cường');
    const wrongPhone = await r.say('0212345678');
    expect(wrongPhone.join('\n')).toContain('số điện thoại chưa đúng');
    await r.say('0912 345 678');
    await choose(r, 'Thôn/làng 2');
    await r.say('Xóm Dưới, cạnh nhà văn hóa');
    expect(r.last).toContain('Điện thoại: 0912345678');
    await choose(r, '✅ Đúng, gửi');
    const code = /BD-[A-Z0-9]{4}/.exec(r.last)?.[0] ?? '';
    expect(code).not.toBe('');

    const card = await inGroup((t) => t.startsWith(`📮 ${code}`));
    expect(card.text).toContain('Lê Văn Cường · 0912345678');
    expect(card.buttons).toEqual([`pst:${code}:da-tiep-nhan`, `pst-no:${code}`]);

    // A group member who is not staff cannot move it.
    await delivered(
      groupCallbackUpdate({ groupId: STAFF_GROUP, fromId: OUTSIDER, data: `pst:${code}:da-tiep-nhan` }),
    );
    await inGroup((t) => t.includes('chỉ cán bộ xã mới đổi được trạng thái'));

    for (const [to, notice] of [
      ['da-tiep-nhan', 'xã đã tiếp nhận'],
      ['da-gui-buu-dien', 'kết quả đã gửi qua bưu điện'],
      ['da-giao', 'bưu điện đã giao'],
    ] as const) {
      await delivered(
        groupCallbackUpdate({ groupId: STAFF_GROUP, fromId: STAFF, data: `pst:${code}:${to}` }),
      );
      await until(() => r.messages.some((m) => m.includes(`${code}: ${notice}`)), 10_000);
    }
    await r.say(`tra cứu ${code}`);
    expect(r.last).toContain('Bưu điện đã giao');
  });
});

describe('«Gặp cán bộ», end to end', () => {
  it('Telegram resident → staff group → reply relayed; the bot only says it passed messages on; «kết thúc» closes', async () => {
    const r = new TelegramResident(tg, 71_000_001, bed.deliver);
    await r.start('thon-1');
    await r.say('cho tôi gặp cán bộ');
    await r.say('Nhà tôi bị sạt lở, xin hỗ trợ làm lại giấy tờ');
    const code = /HT-[A-Z0-9]{4}/.exec(r.last.text)?.[0] ?? '';
    const ticket = await inGroup((t) => t.startsWith(`🙋 ${code}`));
    expect(ticket.text).toContain('Hỏi: Nhà tôi bị sạt lở');

    // Meanwhile the message goes to the staff, and the bot only says so (no answer of its own).
    const before = r.messages.length;
    await delivered({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 71_000_001, type: 'private', first_name: 'A' },
        from: { id: 71_000_001, is_bot: false, first_name: 'A' },
        text: 'làm khai sinh cần gì',
      },
    });
    await inGroup((t) => t.includes(`${code} bà con nhắn thêm: làm khai sinh cần gì`));
    await until(() => r.messages.length > before, 10_000);
    expect(r.messages.slice(before).map((m) => m.text)).toEqual([
      `✓ Đã chuyển thêm cho cán bộ (${code}). Cán bộ trả lời ngay tại đây.`,
    ]);

    // An outsider's reply is refused; the staff member's reply reaches the resident.
    const replyTo = { messageId: ticket.messageId, text: ticket.text };
    await delivered(
      groupTextUpdate({ groupId: STAFF_GROUP, fromId: OUTSIDER, text: 'tôi trả lời', replyTo }),
    );
    await inGroup((t) => t.includes('chỉ cán bộ xã mới trả lời'));
    await delivered(
      groupTextUpdate({
        groupId: STAFF_GROUP,
        fromId: STAFF,
        text: 'Bác mang căn cước lên xã sáng mai nhé',
        replyTo,
      }),
    );
    await until(
      () => r.messages.some((m) => m.text === '👤 Cán bộ xã: Bác mang căn cước lên xã sáng mai nhé'),
      10_000,
    );
    expect(r.messages.some((m) => m.text.includes('tôi trả lời'))).toBe(false);

    await r.say('kết thúc');
    expect(r.messages.map((m) => m.text).join('\n')).toContain('đã kết thúc trò chuyện với cán bộ');
    await inGroup((t) => t.includes(`${code}: bà con đã kết thúc`));
    const answer = await r.say('làm khai sinh cần gì');
    expect(answer[0]?.text).toMatch(/^Đăng ký khai sinh/);
  });
});
