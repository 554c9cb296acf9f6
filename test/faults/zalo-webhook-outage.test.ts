import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZalo, startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type ControllableRedis, startControllableRedis } from './harness/redis-process';

/** The Zalo webhook no longer answers 200 to updates it could not handle (10 of 10 were lost before). */

const SECRET = 'zalo_outage_webhook_secret';
let redis: ControllableRedis;
let fake: FakeZalo;
let server: TestServer;
beforeAll(async () => {
  redis = await startControllableRedis();
  fake = await startFakeZalo();
  server = await startTestServer({
    redisUrl: redis.url,
    zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET },
  });
});
afterAll(async () => {
  await server.close();
  await fake.close();
  await redis.close();
});

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
    const perChat = updates.map((_, i) => fake.sent(`zalo-outage-${i}`).length);
    expect(new Set(perChat).size).toBe(1);
    expect(perChat[0]).toBeGreaterThan(0);
  });
});
