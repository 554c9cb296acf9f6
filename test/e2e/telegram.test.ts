import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolling } from '../../src/channels/telegram/polling';
import {
  FAKE_BOT_INFO,
  type FakeTelegram,
  photoUpdate,
  startFakeTelegram,
  stickerUpdate,
  textUpdate,
  voiceUpdate,
} from '../helpers/fake-telegram-api';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { TelegramResident } from '../helpers/telegram-resident';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SECRET = 'telegram_webhook_secret_for_tests';
let bed: TelegramBed;
let fake: FakeTelegram;
let server: TestServer;
let chat = 7_000_000;

beforeAll(async () => {
  bed = await startTelegramBed(SECRET);
  ({ fake, server } = bed);
});
afterAll(() => bed.close());

const postUpdate = (body: string, secret: string | null = SECRET) => bed.post(body, secret);
const viaWebhook = (update: object) => bed.deliver(update);

async function mainFlow(r: TelegramResident): Promise<void> {
  const hello = await r.start();
  expect(hello.map((m) => m.text).join('\n')).toContain('Xin chào bà con');
  expect(r.last.buttons[0]?.text).toMatch(/^Thôn\/làng 1\b/);
  await r.press('Thôn/làng 1');
  expect(r.messages.map((m) => m.text).join('\n')).toContain('ghi nhận bà con ở Thôn/làng 1');
  const answer = await r.say('lam giay khai sinh cho con');
  expect(answer[0]?.text).toMatch(/^Đăng ký khai sinh/);
  await r.press('Giấy tờ cần có');
  expect(r.last.text).toContain('Đăng ký khai sinh — Giấy tờ cần có');
  await r.press('👍');
  expect(r.last.text).toContain('Cảm ơn bà con');
}

describe('Telegram, webhook mode (real HTTP with the secret header)', () => {
  it('runs the main flow: /start → village → question without diacritics → answer → section → 👍', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await mainFlow(r);
    // Every button press was acknowledged, so the button stops spinning.
    expect(fake.callsOf('answerCallbackQuery').length).toBeGreaterThanOrEqual(3);
    // The fake accepted every message: plain text under the limit, valid buttons, no link previews.
    expect(fake.sent(r.chatId).every((c) => (c.response as { ok: boolean }).ok)).toBe(true);
    expect(fake.sent(r.chatId).every((c) => c.params.parse_mode === undefined)).toBe(true);
    expect(fake.sent(r.chatId).map((c) => c.params.link_preview_options)).toEqual(
      fake.sent(r.chatId).map(() => ({ is_disabled: true })),
    );
  });

  it('preselects the village from a deep link (t.me/<bot>?start=thon-2)', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    const replies = await r.start('thon-2');
    expect(replies.map((m) => m.text).join('\n')).toContain('Thôn/làng 2');
  });

  it('handles a resent update once', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await r.start('thon-1');
    const before = r.messages.length;
    const update = { update_id: 999_001, ...textUpdate({ chatId: r.chatId, text: 'dang ky ket hon' }) };
    await viaWebhook(update);
    await viaWebhook(update);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.messages.length - before).toBe(1);
  });

  it('answers a question with <b>, &, emoji and right-to-left marks in it', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await r.start('thon-1');
    const replies = await r.say('<b>khai sinh</b> & 😀 \u200fمرحبا');
    expect(replies.length).toBeGreaterThan(0);
    expect(fake.sent(r.chatId).every((c) => (c.response as { ok: boolean }).ok)).toBe(true);
  });

  it('answers photos, stickers and voice politely', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await r.start('thon-1');
    for (const update of [photoUpdate(r.chatId), stickerUpdate(r.chatId), voiceUpdate(r.chatId)]) {
      const replies = await r.send(update);
      expect(replies[0]?.text).toContain('chỉ đọc được chữ');
    }
  });

  it('answers a stale or forged button harmlessly', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await r.start('thon-1');
    const replies = await r.pressData('sec:../../etc:passwd');
    expect(replies[0]?.text).toContain('nút này đã cũ');
  });

  it('marks a resident who blocked the bot as unreachable', async () => {
    const r = new TelegramResident(fake, ++chat, viaWebhook);
    await r.start('thon-1');
    fake.setBlocked(r.chatId);
    await viaWebhook({ update_id: 999_100 + chat, ...textUpdate({ chatId: r.chatId, text: 'menu' }) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const profile = await server.redis.get(`${server.prefix}user:telegram:${r.chatId}`);
    expect(JSON.parse(profile ?? '{}').active).toBe(false);
    fake.setBlocked(r.chatId, false);
  });
});

describe('Telegram webhook: bad input', () => {
  const update = JSON.stringify({ update_id: 1, ...textUpdate({ chatId: 1, text: 'hi' }) });

  it('refuses a missing or wrong secret with 401', async () => {
    expect((await postUpdate(update, null)).status).toBe(401);
    expect((await postUpdate(update, 'wrong_secret_wrong_secret_wrong_s')).status).toBe(401);
  });

  it('answers malformed JSON with 400 and a body over 1 MB with 413', async () => {
    expect((await postUpdate('{"update_id": ')).status).toBe(400);
    expect((await postUpdate(JSON.stringify({ nope: true }))).status).toBe(400);
    expect((await postUpdate(JSON.stringify({ update_id: 2, padding: 'x'.repeat(1_100_000) }))).status).toBe(
      413,
    );
  });

  it('accepts and ignores update types it does not use', async () => {
    const res = await postUpdate(
      JSON.stringify({ update_id: 3, poll: { id: '1', question: 'q', options: [] } }),
    );
    expect(res.status).toBe(200);
  });

  it('never answers 5xx and never crashes, whatever the update (property-based)', async () => {
    const anyUpdate = fc.record(
      {
        update_id: fc.oneof(fc.nat(), fc.integer(), fc.string(), fc.constant(null)),
        message: fc.anything(),
        callback_query: fc.anything(),
        edited_message: fc.anything(),
        my_chat_member: fc.anything(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(anyUpdate, async (u) => {
        const res = await postUpdate(JSON.stringify(u));
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('Telegram, long polling mode', () => {
  it('runs the main flow through getUpdates', async () => {
    const polling = await startFakeTelegram();
    const s = await startTestServer({
      telegram: { apiRoot: polling.url, token: polling.token, botInfo: FAKE_BOT_INFO, webhookSecret: SECRET },
    });
    const runner = startPolling(s.bot!);
    try {
      const r = new TelegramResident(polling, 8_000_001, async (u) => {
        polling.pushUpdate(u);
      });
      await mainFlow(r);
    } finally {
      await runner.stop();
      await s.close();
      await polling.close();
    }
  });
});
