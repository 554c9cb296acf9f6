import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram, textUpdate } from '../helpers/fake-telegram-api';
import { type FakeZalo, startFakeZalo, type ZaloCall, zaloText } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type ControllableRedis, startControllableRedis } from './harness/redis-process';

/**
 * The webhooks answer 200 only to updates they stored (10 of 10 were lost before the first fix), and
 * what they stored survives Redis restarting.
 */

const SECRET = 'zalo_outage_webhook_secret';
const TELEGRAM_SECRET = 'telegram_outage_webhook_secret';
let redis: ControllableRedis;
let fake: FakeZalo;
let telegram: FakeTelegram;
let server: TestServer;
beforeAll(async () => {
  redis = await startControllableRedis();
  fake = await startFakeZalo();
  telegram = await startFakeTelegram();
  server = await startTestServer({
    redisUrl: redis.url,
    zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET },
    telegram: {
      apiRoot: telegram.url,
      token: telegram.token,
      botInfo: telegram.botInfo,
      webhookSecret: TELEGRAM_SECRET,
    },
  });
});
afterAll(async () => {
  await server.close();
  await fake.close();
  await telegram.close();
  await redis.close();
});

const answered = (calls: readonly ZaloCall[]) => calls.filter((c) => c.response !== undefined);

describe('the Zalo webhook while Redis is away', () => {
  it('answers 503 at once, and the redelivery after Redis is back is answered exactly once', async () => {
    const hook = `${server.url}/webhooks/zalo`;
    const updates = Array.from({ length: 10 }, (_, i) => zaloText(`zalo-outage-${i}`, 'xin chào'));
    await redis.stop();
    for (const update of updates) {
      const started = Date.now();
      expect(await fake.deliverTo(hook, update, { form: 'wrapped', secret: SECRET })).toBe(503);
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(fake.sent()).toEqual([]);
    await redis.start();
    const until = Date.now() + 5000;
    const answered = new Set<number>();
    while (answered.size < updates.length && Date.now() < until) {
      for (const [i, update] of updates.entries()) {
        if (answered.has(i)) continue;
        if ((await fake.deliverTo(hook, update, { form: 'flat', secret: SECRET })) === 200) answered.add(i);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answered.size).toBe(10);
    // Delivered once more after the 200: a duplicate, not a second answer.
    for (const update of updates) {
      expect(await fake.deliverTo(hook, update, { form: 'wrapped', secret: SECRET })).toBe(200);
    }
    // Replies go out through the outbox: wait until it has sent them all before counting (under the whole
    // suite's load, two chats' replies were still queued when they were counted).
    await server.settled(30_000);
    const perChat = updates.map((_, i) => fake.sent(`zalo-outage-${i}`).length);
    // What each chat got, to read when it fails.
    const sentTexts = updates.map((_, i) =>
      fake.sent(`zalo-outage-${i}`).map((c) => JSON.stringify(c).slice(0, 120)),
    );
    expect(new Set(perChat).size, JSON.stringify(sentTexts)).toBe(1);
    expect(perChat[0]).toBeGreaterThan(0);
  });

  it('answers updates it stored before Redis went away once Redis is back, each once', async () => {
    const hook = `${server.url}/webhooks/zalo`;
    const chats = Array.from({ length: 6 }, (_, i) => `zalo-stored-${i}`);
    const release = fake.hold('sendMessage');
    try {
      for (const chat of chats) {
        expect(await fake.deliverTo(hook, zaloText(chat, 'xin chào'), { form: 'flat', secret: SECRET })).toBe(
          200,
        );
      }
      await redis.stop();
    } finally {
      release();
    }
    await redis.start();
    await server.settled(30_000);
    for (const chat of chats) {
      const texts = answered(fake.sent(chat)).map((c) => String(c.params.text));
      expect(texts[0], chat).toMatch(/^Xin chào bà con/);
      // Nothing said twice (a reply cut by the outage is not started over).
      expect(new Set(texts).size, chat).toBe(texts.length);
    }
  });
});

describe('the Telegram webhook while Redis is away', () => {
  it('answers 503, and the resend after Redis is back is answered exactly once', async () => {
    const chatId = 5_100_001;
    const update = { update_id: 51_000_001, ...textUpdate({ chatId, text: 'xin chào' }) };
    const post = () =>
      fetch(`${server.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
        body: JSON.stringify(update),
      });
    const sentTo = () =>
      telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId));
    await redis.stop();
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    await redis.start();
    const until = Date.now() + 5000;
    let status = 0;
    while (status !== 200 && Date.now() < until) {
      status = (await post()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    await server.settled();
    const once = sentTo().length;
    expect(once).toBeGreaterThan(0);
    // Telegram sends it once more: 200, and no second answer.
    expect((await post()).status).toBe(200);
    await server.settled();
    expect(sentTo()).toHaveLength(once);
  });
});
