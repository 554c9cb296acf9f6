import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSkippedUpdates } from '../../src/storage/redis-skipped-updates';
import { type FakeZalo, startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { zaloOddBodies } from '../helpers/zalo-group';
import { ZaloResident } from '../helpers/zalo-resident';

/**
 * setWebhook probes the URL with an undocumented body, and `message` is optional in Zalo's updates: any
 * body with the right secret gets 200, and what is not a message is counted per reason, not refused.
 */

const SECRET = 'zalo_events_webhook_secret';
let fake: FakeZalo;
let server: TestServer;
let counter: RedisSkippedUpdates;

beforeAll(async () => {
  fake = await startFakeZalo();
  server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
  counter = new RedisSkippedUpdates(server.redis, server.prefix);
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const hook = () => `${server.url}/webhooks/zalo`;
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(hook(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET, ...headers },
    body,
  });
const count = async (reason: string) => (await counter.counts('zalo'))[reason] ?? 0;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('the Zalo webhook and bodies that are not message updates', () => {
  it("answers setWebhook's probe {} with 200 and counts it", async () => {
    const before = await count('probe');
    const res = await post('{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(await count('probe')).toBe(before + 1);
    // The same probe in the documented wrapped envelope.
    expect(await fake.deliverTo(hook(), zaloOddBodies.probe(), { form: 'wrapped', secret: SECRET })).toBe(
      200,
    );
    expect(await count('probe')).toBe(before + 2);
    // A probe with no body at all.
    const empty = await count('empty');
    const bare = await fetch(hook(), { method: 'POST', headers: { 'x-bot-api-secret-token': SECRET } });
    expect(bare.status).toBe(200);
    expect(await count('empty')).toBe(empty + 1);
  });

  it('answers an event it does not know with 200, counts it by name and sends nothing', async () => {
    const chat = '3100001';
    const reason = 'unknown-event:message.reaction.received';
    const before = await count(reason);
    for (const form of ['flat', 'wrapped'] as const) {
      const status = await fake.deliverTo(hook(), zaloOddBodies.unknownEvent(chat), { form, secret: SECRET });
      expect(status).toBe(200);
    }
    await settle();
    expect(await count(reason)).toBe(before + 2);
    expect(fake.sent(chat)).toEqual([]);
  });

  it('answers an event without its message, or of no known shape, with 200 and counts it', async () => {
    const noMessage = await count('no-message');
    const noName = await count('no-event-name');
    expect(await fake.deliverTo(hook(), zaloOddBodies.noMessage(), { form: 'flat', secret: SECRET })).toBe(
      200,
    );
    expect((await post(JSON.stringify({ hello: 'world' }))).status).toBe(200);
    expect(await count('no-message')).toBe(noMessage + 1);
    expect(await count('no-event-name')).toBe(noName + 1);
  });

  it('still handles a message update as before', async () => {
    const r = new ZaloResident(fake, '3100002', async (update) => {
      expect(await fake.deliverTo(hook(), update, { form: 'wrapped', secret: SECRET })).toBe(200);
    });
    const counts = await counter.counts('zalo');
    expect((await r.say('xin chào')).join('\n')).toContain('Xin chào bà con');
    expect(await counter.counts('zalo')).toEqual(counts);
  });

  it('still refuses a wrong secret (401), a body that is not JSON (400, 415) or too large (413), uncounted', async () => {
    const counts = await counter.counts('zalo');
    expect((await post('{}', { 'x-bot-api-secret-token': 'not_the_secret_at_all' })).status).toBe(401);
    expect(await fake.deliverTo(hook(), zaloText('3100003', 'hi'), { form: 'flat', secret: null })).toBe(401);
    expect((await post('{"event_name": ')).status).toBe(400);
    expect((await post('hello', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('<a/>', { 'content-type': 'application/xml' })).status).toBe(415);
    const huge = JSON.stringify({ event_name: 'message.text.received', pad: 'x'.repeat(1024 * 1024) });
    expect((await post(huge)).status).toBe(413);
    expect(await counter.counts('zalo')).toEqual(counts);
    expect(fake.sent('3100003')).toEqual([]);
  });
});
