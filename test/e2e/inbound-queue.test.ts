import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../helpers/fake-telegram-api';
import { type FakeZalo, startFakeZalo, type ZaloCall, zaloText } from '../helpers/fake-zalo-api';
import { startTelegramBed, type TelegramBed } from '../helpers/telegram-bed';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { until } from '../helpers/until';

/**
 * Webhooks store the update and answer at once; workers reply. A poll loop hands updates on and polls
 * again, so a burst is answered at the workers' pace. (How fast the answer comes: npm run bench --
 * --only inbound, BENCHMARKS.md «Inbound queue».)
 */

const SECRET = 'inbound_queue_webhook_secret';
const answered = (calls: readonly ZaloCall[]) => calls.filter((c) => c.response !== undefined);
const textOf = (c: ZaloCall) => String(c.params.text);

describe('the Zalo webhook', () => {
  let fake: FakeZalo;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeZalo();
    server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('answers 200 while the reply is still being produced, and the reply follows once', async () => {
    const chat = '4100001';
    const release = fake.hold('sendMessage');
    try {
      const status = await fake.deliverTo(
        `${server.url}/webhooks/zalo`,
        zaloText(chat, 'làm giấy khai sinh'),
        {
          form: 'flat',
          secret: SECRET,
        },
      );
      expect(status).toBe(200);
      // Zalo has its 200 and the resident has no answer yet: the reply is produced after.
      expect(answered(fake.sent(chat))).toEqual([]);
      await until(() => fake.sent(chat).length > 0, 10_000);
      expect(answered(fake.sent(chat))).toEqual([]);
    } finally {
      release();
    }
    await server.settled();
    const replies = answered(fake.sent(chat));
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map(textOf).join('\n')).toMatch(/khai sinh/i);
    // Zalo sends the same message again: answered 200, not answered twice.
    const again = zaloText(chat, 'làm giấy khai sinh');
    const hook = `${server.url}/webhooks/zalo`;
    expect(await fake.deliverTo(hook, again, { form: 'flat', secret: SECRET })).toBe(200);
    await server.settled();
    const after = answered(fake.sent(chat)).length;
    expect(await fake.deliverTo(hook, again, { form: 'wrapped', secret: SECRET })).toBe(200);
    await server.settled();
    expect(answered(fake.sent(chat))).toHaveLength(after);
  });

  it("answers one chat's messages in the order they came, even when they arrive together", async () => {
    const chat = '4100002';
    const release = fake.hold('sendMessage');
    const hook = `${server.url}/webhooks/zalo`;
    const questions = ['xin chào', 'làm giấy khai sinh', 'đăng ký kết hôn', 'đăng ký khai tử'];
    try {
      for (const q of questions) {
        expect(await fake.deliverTo(hook, zaloText(chat, q), { form: 'flat', secret: SECRET })).toBe(200);
      }
      await until(() => fake.sent(chat).length > 0, 10_000);
      // One reply at a time for one chat: the second question waits for the first answer.
      expect(fake.sent(chat)).toHaveLength(1);
    } finally {
      release();
    }
    await server.settled();
    const texts = answered(fake.sent(chat)).map(textOf);
    const first = (re: RegExp) => texts.findIndex((t) => re.test(t));
    expect(first(/^Đăng ký khai sinh/), texts.join(' | ')).toBeGreaterThanOrEqual(0);
    expect(first(/^Đăng ký khai sinh/)).toBeLessThan(first(/^Đăng ký kết hôn/));
    expect(first(/^Đăng ký kết hôn/)).toBeLessThan(first(/^Đăng ký khai tử/));
  });
});

describe('the Telegram webhook', () => {
  let bed: TelegramBed;
  beforeAll(async () => {
    bed = await startTelegramBed('inbound_queue_telegram_secret');
  });
  afterAll(async () => {
    await bed?.close();
  });

  it('answers 200 while the reply is still being produced, and the reply follows', async () => {
    const chatId = 4200001;
    const sentTo = () =>
      bed.fake.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId));
    const release = bed.fake.hold('sendMessage');
    try {
      const res = await bed.post(
        JSON.stringify({ update_id: 42_000_001, ...textUpdate({ chatId, text: 'xin chào' }) }),
      );
      expect(res.status).toBe(200);
      await until(() => sentTo().length > 0, 10_000);
    } finally {
      release();
    }
    await bed.server.settled();
    expect(
      sentTo()
        .map((c) => String(c.params.text))
        .join('\n'),
    ).toMatch(/chào/i);
  });
});

describe('Zalo polling under a burst', () => {
  let fake: FakeZalo;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeZalo();
    server = await startTestServer({
      zalo: { apiBase: fake.url, token: fake.token, webhookSecret: 'unused_when_polling', mode: 'polling' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('takes 200 updates from Zalo without waiting for each reply, then answers them all once, in order per chat', async () => {
    const chats = Array.from({ length: 100 }, (_, i) => String(4300000 + i));
    const release = fake.hold('sendMessage');
    try {
      for (const chat of chats) fake.pushUpdate(zaloText(chat, 'xin chào'));
      for (const chat of chats) fake.pushUpdate(zaloText(chat, 'đăng ký kết hôn'));
      // Every update is fetched while not one reply has gone out.
      await until(() => fake.pendingUpdates() === 0, 30_000);
      expect(answered(fake.sent())).toEqual([]);
      // Replies are produced side by side (one per inbound queue), not one at a time.
      await until(() => fake.sent().length >= 2, 10_000);
      const inFlight = fake.sent().length;
      expect(inFlight).toBeGreaterThan(1);
      expect(inFlight).toBeLessThanOrEqual(8);
    } finally {
      release();
    }
    await server.settled(60_000);
    for (const chat of chats) {
      const texts = answered(fake.sent(chat)).map(textOf);
      const greeting = texts.findIndex((t) => /^Xin chào bà con/.test(t));
      const marriage = texts.findIndex((t) => /^Đăng ký kết hôn/.test(t));
      expect(greeting, `chat ${chat}: ${texts.join(' | ')}`).toBeGreaterThanOrEqual(0);
      expect(greeting, `chat ${chat}`).toBeLessThan(marriage);
    }
    // Each update handled once: the same number of messages in every chat.
    const perChat = new Set(chats.map((chat) => answered(fake.sent(chat)).length));
    expect(perChat.size).toBe(1);
  });
});
