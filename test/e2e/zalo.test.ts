import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZaloPolling } from '../../src/channels/zalo/polling';
import { createLogger } from '../../src/logger';
import {
  type FakeZalo,
  startFakeZalo,
  zaloImage,
  zaloSticker,
  zaloText,
  zaloUnsupported,
} from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';

const SECRET = 'zalo_webhook_secret_for_tests';
let fake: FakeZalo;
let server: TestServer;
let chat = 3_000_000;

beforeAll(async () => {
  fake = await startFakeZalo();
  server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const hook = () => `${server.url}/webhooks/zalo`;
let form: 'wrapped' | 'flat' = 'wrapped';
async function viaWebhook(update: object): Promise<void> {
  form = form === 'wrapped' ? 'flat' : 'wrapped';
  const status = await fake.deliverTo(hook(), update, { form, secret: SECRET });
  if (status !== 200) throw new Error(`webhook answered ${status}`);
}

async function mainFlow(r: ZaloResident): Promise<void> {
  const hello = await r.say('xin chào');
  expect(hello.join('\n')).toContain('Xin chào bà con');
  const ask = parseOptions(r.last);
  expect(ask.options[1]).toBe('Thôn/làng 2');
  expect(r.last).toContain(`(Trả lời một số từ 1 đến ${ask.options.length} để chọn.)`);
  await r.say('2');
  expect(r.messages.join('\n')).toContain('ghi nhận bà con ở Thôn/làng 2');
  const answer = await r.say('lam giay khai sinh cho con');
  expect(answer[0]).toMatch(/^Đăng ký khai sinh/);
  const sections = parseOptions(r.last).options;
  const giayTo = sections.indexOf('Giấy tờ cần có') + 1;
  expect(giayTo).toBeGreaterThan(0);
  await r.say(`số ${giayTo}`);
  expect(r.last).toContain('Đăng ký khai sinh — Giấy tờ cần có');
  await r.say('Quay lại');
  const thumbsUp = parseOptions(r.last).options.findIndex((o) => o.startsWith('👍')) + 1;
  await r.say(String(thumbsUp));
  expect(r.last).toContain('Cảm ơn bà con');
}

describe('Zalo, webhook mode (both body forms, real HTTP with the secret header)', () => {
  it('runs the main flow: start → village "2" → question without diacritics → section by number → 👍', async () => {
    await mainFlow(new ZaloResident(fake, String(++chat), viaWebhook));
  });

  it('handles a duplicate delivery of the same message_id once', async () => {
    const r = new ZaloResident(fake, String(++chat), viaWebhook);
    const update = zaloText(r.chatId, 'menu');
    const before = r.messages.length;
    expect(await fake.deliverTo(hook(), update, { form: 'flat', secret: SECRET })).toBe(200);
    expect(await fake.deliverTo(hook(), update, { form: 'wrapped', secret: SECRET })).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.messages.length - before).toBe(2); // greeting + village question, once
  });

  it('answers images, stickers and unsupported events politely', async () => {
    const r = new ZaloResident(fake, String(++chat), viaWebhook);
    for (const update of [zaloImage(r.chatId), zaloSticker(r.chatId), zaloUnsupported(r.chatId)]) {
      const replies = await r.send(update);
      expect(replies[0]).toContain('chỉ đọc được chữ');
    }
  });

  it('refuses a wrong or missing secret with 401 and a body that is not JSON with 400', async () => {
    const update = zaloText('1', 'hi');
    expect(await fake.deliverTo(hook(), update, { form: 'flat', secret: null })).toBe(401);
    expect(await fake.deliverTo(hook(), update, { form: 'flat', secret: 'not_the_secret_at_all' })).toBe(401);
    const bad = await fetch(hook(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
      body: '{"event_name": ',
    });
    expect(bad.status).toBe(400);
    const notAnUpdate = await fetch(hook(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET },
      body: JSON.stringify({ hello: 'world' }),
    });
    // JSON that is no message update (setWebhook's probe, other events) is accepted and counted, not refused
    // (test/e2e/zalo-webhook-events.test.ts).
    expect(notAnUpdate.status).toBe(200);
  });

  it('marks a resident who can no longer be reached as unreachable', async () => {
    const r = new ZaloResident(fake, String(++chat), viaWebhook);
    await r.say('xin chào');
    await r.say('1');
    fake.setUnreachable(r.chatId);
    await viaWebhook(zaloText(r.chatId, 'menu'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const profile = JSON.parse((await server.redis.get(`${server.prefix}user:zalo:${r.chatId}`)) ?? '{}');
    expect(profile.active).toBe(false);
    fake.setUnreachable(r.chatId, false);
  });
});

describe('Zalo, polling mode', () => {
  it('runs the main flow through getUpdates, treating 408 as "no update"', async () => {
    const polling = await startFakeZalo();
    const s = await startTestServer({
      zalo: { apiBase: polling.url, token: polling.token, webhookSecret: SECRET },
    });
    const loop = startZaloPolling(
      s.zalo!.client,
      (update) => s.pipeline.deliver(s.zalo!, update),
      createLogger('silent'),
    );
    try {
      await mainFlow(new ZaloResident(polling, '3999001', async (u) => polling.pushUpdate(u)));
      expect(polling.callsOf('deleteWebhook').length).toBe(1);
    } finally {
      await loop.stop();
      await s.close();
      await polling.close();
    }
  });
});
