import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeZalo, startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { keysNaming as keysNamingIn } from '../helpers/redis-cleanup';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { until } from '../helpers/until';
import { parseOptions, ZaloResident } from '../helpers/zalo-resident';

/** «Xóa dữ liệu của tôi» leaves nothing in Redis that names the resident (ARCHITECTURE §7). */

const SECRET = 'delete_data_zalo_secret';
let fake: FakeZalo;
let server: TestServer;

beforeAll(async () => {
  fake = await startFakeZalo();
  server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const keysNaming = (id: string): Promise<string[]> => keysNamingIn(server.redis, server.prefix, id);

describe('deleting my data', () => {
  it('on the web chat: no key names the visitor afterwards', async () => {
    let cookie = '';
    const post = async (body: object) => {
      const res = await fetch(`${server.url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      return ((await res.json()) as { replies: { text: string }[] }).replies;
    };
    // A first question is answered at once; the village is chosen later, from the menu.
    expect((await post({ text: 'lam giay khai sinh' }))[0]?.text).toMatch(/^Đăng ký khai sinh/);
    await post({ payload: 'village' });
    expect((await post({ payload: 'v:thon-2' }))[0]?.text).toContain('Thôn/làng 2');
    await post({ text: 'đổi căn cước ở đâu' });
    await post({ payload: 'fb:can-cuoc:up' });
    const visitor = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    expect(visitor.length).toBeGreaterThan(10);
    expect((await keysNaming(visitor)).length).toBeGreaterThan(0);

    await post({ text: 'xóa dữ liệu của tôi' });
    const done = await post({ payload: 'del:yes' });
    expect(done[0]?.text).toContain('đã xóa hết');
    expect(await keysNaming(visitor)).toEqual([]);
  });

  it('on Zalo: profile, session and numbered options are all gone', async () => {
    const chat = '7700001';
    const r = new ZaloResident(fake, chat, async (update) => {
      const status = await fake.deliverTo(`${server.url}/webhooks/zalo`, update, {
        form: 'flat',
        secret: SECRET,
      });
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    });
    await r.say('xin chào');
    await r.say('1');
    await r.say('dang ky ket hon');
    expect((await keysNaming(chat)).length).toBeGreaterThan(0);

    await r.say('xoa du lieu cua toi');
    const confirm = parseOptions(r.last).options;
    await r.say(String(confirm.indexOf('Có, xóa hết') + 1));
    expect(r.last).toContain('đã xóa hết');
    expect(await keysNaming(chat)).toEqual([]);
  });

  it('on Zalo: a message whose reply Zalo refused is forgotten too (its failed update held the words)', async () => {
    const chat = '7700002';
    const hook = `${server.url}/webhooks/zalo`;
    const r = new ZaloResident(fake, chat, async (update) => {
      const status = await fake.deliverTo(hook, update, { form: 'flat', secret: SECRET });
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    });
    await r.say('xin chào');
    await r.say('1');
    // Zalo refuses the reply (400): nothing reached the resident, the update is kept as failed for a day.
    fake.failNext('sendMessage', { code: 400 });
    const words = 'dang ky tam tru cho ba Hoa o nha so 12';
    expect(await fake.deliverTo(hook, zaloText(chat, words), { form: 'flat', secret: SECRET })).toBe(200);
    const failedUpdate = async () => {
      const keys = await keysNaming(chat);
      for (const key of keys) {
        if ((await server.redis.type(key)) !== 'hash') continue;
        if ((await server.redis.hvals(key)).join('\n').includes(words)) return key;
      }
      return undefined;
    };
    await until(async () => (await failedUpdate()) !== undefined, 10_000);

    await r.say('xoa du lieu cua toi');
    const confirm = parseOptions(r.last).options;
    await r.say(String(confirm.indexOf('Có, xóa hết') + 1));
    expect(r.last).toContain('đã xóa hết');
    expect(await failedUpdate()).toBeUndefined();
    expect(await keysNaming(chat)).toEqual([]);
  });
});
