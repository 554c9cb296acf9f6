import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram-api';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { TelegramResident } from '../helpers/telegram-resident';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { until } from '../helpers/until';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';

/**
 * Reminders end to end, the whole bot as main.ts runs it (web and worker roles): a resident sets one
 * through the fake Telegram or Zalo API, the reminders worker wakes at its time, and the message
 * arrives through the channel's outbox. The bot's clock runs at real speed but starts at 07:59:50 in
 * Vietnam, so «8h» is a few seconds away.
 */
const TG_SECRET = 'telegram_webhook_secret_for_reminders';
const ZALO_SECRET = 'zalo_webhook_secret_for_reminders';
const VN = 7 * 3600_000;
const DAY = 24 * 3600_000;

function offsetToNextVnMorning(): number {
  const realVn = Date.now() + VN;
  const dayStart = realVn - (realVn % DAY);
  const target = dayStart + DAY + (7 * 60 + 59) * 60_000 + 50_000; // tomorrow 07:59:50 in Vietnam
  return target - realVn;
}

let telegram: FakeTelegram;
let zalo: FakeZalo;
let server: TestServer;
// Each test starts again at 07:59:50.
let offset = offsetToNextVnMorning();
const botNow = () => Date.now() + offset;
const vnDateOfBot = () => {
  const d = new Date(botNow() + VN);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

beforeAll(async () => {
  telegram = await startFakeTelegram();
  zalo = await startFakeZalo();
  server = await startTestServer({
    telegram: {
      apiRoot: telegram.url,
      token: telegram.token,
      botInfo: telegram.botInfo,
      webhookSecret: TG_SECRET,
    },
    zalo: { apiBase: zalo.url, token: zalo.token, webhookSecret: ZALO_SECRET },
    env: { ROLE: 'all' },
    clock: { now: botNow },
  });
});
afterAll(async () => {
  await server.close();
  await telegram.close();
  await zalo.close();
});

async function toTelegram(update: object): Promise<void> {
  const res = await fetch(`${server.url}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    body: JSON.stringify(update),
  });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

async function toZalo(update: object): Promise<void> {
  const status = await zalo.deliverTo(`${server.url}/webhooks/zalo`, update, {
    form: 'wrapped',
    secret: ZALO_SECRET,
  });
  if (status !== 200) throw new Error(`webhook answered ${status}`);
}

describe('reminders through the channels', () => {
  beforeEach(() => {
    offset = offsetToNextVnMorning();
  });

  it('Telegram: «Nhắc tôi» under an answer → «8h» → keep the task → confirm; the reminder arrives at 08:00 with its buttons', async () => {
    const r = new TelegramResident(telegram, 7_100_001, toTelegram);
    await r.start();
    await r.press('Bỏ qua');
    await r.say('làm giấy khai sinh cho con');
    await r.press('Nhắc tôi');
    expect(r.last.text).toContain('muốn tôi nhắc lúc nào');
    await r.say('8h');
    expect(r.last.text).toContain('Lên xã làm đăng ký khai sinh');
    await r.press('Giữ nguyên');
    expect(r.last.text).toContain(`lúc 08:00`);
    expect(r.last.text).toContain(vnDateOfBot());
    await r.press('Đúng, đặt nhắc');
    expect(r.last.text).toContain('Đã đặt nhắc');
    const before = r.messages.length;
    await until(() => r.messages.length > before, 20_000);
    const reminder = r.messages[before]!;
    expect(reminder.text).toContain('⏰ Nhắc bà con: Lên xã làm đăng ký khai sinh');
    expect(reminder.buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(['Sau 1 tiếng', 'Sáng mai 8:00']),
    );
    // It is not sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(r.messages.filter((m) => m.text.startsWith('⏰'))).toHaveLength(1);
  }, 40_000);

  it('Zalo: «nhac toi 8h len xa nop ho so» typed → option 1 to confirm; the reminder arrives as a Zalo message', async () => {
    const r = new ZaloResident(zalo, '8200001', toZalo);
    await r.say('xin chào');
    await r.say(String(parseOptions(r.last).options.indexOf('Bỏ qua') + 1));
    await r.say('nhac toi 8h len xa nop ho so');
    expect(r.last).toContain('«len xa nop ho so»');
    const yes = parseOptions(r.last).options.findIndex((o) => o.includes('Đúng, đặt nhắc')) + 1;
    await r.say(String(yes));
    expect(r.last).toContain('Đã đặt nhắc');
    const before = r.messages.length;
    await until(() => r.messages.length > before, 20_000);
    expect(r.messages[before]).toContain('⏰ Nhắc bà con: len xa nop ho so');
    expect(parseOptions(r.messages[before]!).options).toEqual(expect.arrayContaining(['Sau 1 tiếng']));
  }, 40_000);

  it('web chat: the reminder becomes a calendar file that parses, at the right time in Vietnam, with an alarm', async () => {
    const post = async (message: object, token?: string) => {
      const res = await fetch(`${server.url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-visitor-token': token } : {}) },
        body: JSON.stringify(message),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        visitor?: string;
        replies: {
          text: string;
          buttons?: { label: string; payload: string }[][];
          links?: { label: string; url: string }[];
        }[];
      };
    };
    const first = await post({ text: 'nhắc tôi thứ 6 tuần sau 2 giờ chiều lên xã nộp hồ sơ' });
    const token = first.visitor;
    const confirm = first.replies.at(-1)!;
    expect(confirm.text).toContain('lúc 14:00');
    const yes = confirm.buttons!.flat().find((b) => b.label.includes('Đúng'))!;
    const done = await post({ payload: yes.payload }, token);
    const link = done.replies.flatMap((r) => r.links ?? []).find((l) => l.url.startsWith('/lich.ics'))!;
    expect(link.label).toContain('Thêm vào lịch điện thoại');

    const res = await fetch(`${server.url}${link.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.headers.get('content-disposition')).toContain('.ics');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('lên xã nộp hồ sơ');
    const start = event.startDate;
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh');
    expect([start.hour, start.minute]).toEqual([14, 0]);
    // the wall-clock time is the one promised in the chat
    expect(confirm.text).toContain(
      `${String(start.day).padStart(2, '0')}/${String(start.month).padStart(2, '0')}/${start.year}`,
    );
    expect(event.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');

    // A link whose words were changed is refused with a reason, not served.
    const forged = link.url.replace(
      /d=[\w-]+/,
      `d=${Buffer.from(JSON.stringify({ t: 'Gọi số lạ', a: 1 })).toString('base64url')}`,
    );
    const refused = await fetch(`${server.url}${forged}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Liên kết lịch không dùng được');
  });
});
