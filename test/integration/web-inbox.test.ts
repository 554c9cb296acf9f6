import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { readVisitorToken, VISITOR_COOKIE, visitorToken } from '../../src/channels/web/visitor';
import type { Reply } from '../../src/core/reply';
import { registerWebUpdates } from '../../src/server/web-updates-route';
import { keys } from '../../src/storage/redis-keys';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { RedisWebInbox, WEB_INBOX_MAX, WEB_INBOX_TTL_SECONDS } from '../../src/storage/redis-web-inbox';
import { deleteKeys } from '../helpers/redis-cleanup';
import { startTestServer, type TestServer } from '../helpers/test-server';

const prefix = `inbox${Date.now()}${Math.floor(Math.random() * 1e6)}:`;
const redis = new Redis(inject('redisUrl'));
const k = keys(prefix);
const inbox = new RedisWebInbox(redis, prefix);
const say = (text: string): Reply => ({ text });

afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

describe('RedisWebInbox', () => {
  it('adds a message once per id, keeps the order, and take empties the inbox', async () => {
    const visitor = 'visitorAAAAAAAAAAAAAAA';
    await inbox.push(visitor, say('Cán bộ: chào bà con'), 'staff-1');
    await inbox.push(visitor, say('Cán bộ: chào bà con'), 'staff-1');
    await inbox.push(
      visitor,
      { text: 'Hồ sơ đã gửi bưu điện', buttons: [[{ label: 'Xem', payload: 'menu' }]] },
      'p-2',
    );
    expect(await inbox.take(visitor)).toEqual([
      { text: 'Cán bộ: chào bà con' },
      { text: 'Hồ sơ đã gửi bưu điện', buttons: [[{ label: 'Xem', payload: 'menu' }]] },
    ]);
    expect(await inbox.take(visitor)).toEqual([]);
    // A retry of a message the page already took is still a repeat.
    await inbox.push(visitor, say('Cán bộ: chào bà con'), 'staff-1');
    expect(await inbox.take(visitor)).toEqual([]);
  });

  it(`keeps the newest ${WEB_INBOX_MAX}`, async () => {
    const visitor = 'visitorBBBBBBBBBBBBBBB';
    for (let i = 1; i <= WEB_INBOX_MAX + 5; i++) await inbox.push(visitor, say(`tin ${i}`), `m-${i}`);
    const taken = await inbox.take(visitor);
    expect(taken).toHaveLength(WEB_INBOX_MAX);
    expect(taken[0]?.text).toBe('tin 6');
    expect(taken.at(-1)?.text).toBe(`tin ${WEB_INBOX_MAX + 5}`);
  });

  it('lets everything expire 7 days after the last push', async () => {
    const visitor = 'visitorCCCCCCCCCCCCCCC';
    await inbox.push(visitor, say('một'), 'a');
    for (const key of [k.webInbox(visitor), k.webInboxIds(visitor)]) {
      const ttl = await redis.ttl(key);
      expect(ttl, key).toBeGreaterThan(WEB_INBOX_TTL_SECONDS - 10);
      expect(ttl, key).toBeLessThanOrEqual(WEB_INBOX_TTL_SECONDS);
    }
    await redis.expire(k.webInbox(visitor), 100);
    await inbox.push(visitor, say('hai'), 'b');
    expect(await redis.ttl(k.webInbox(visitor))).toBeGreaterThan(WEB_INBOX_TTL_SECONDS - 10);
  });

  it('skips a corrupt entry instead of failing', async () => {
    const visitor = 'visitorDDDDDDDDDDDDDDD';
    await inbox.push(visitor, say('một'), 'a');
    await redis.rpush(k.webInbox(visitor), '{not json', JSON.stringify({ id: 'x', reply: { text: 1 } }));
    await inbox.push(visitor, say('hai'), 'b');
    expect(await inbox.take(visitor)).toEqual([say('một'), say('hai')]);
  });

  it('is deleted with the visitor’s data', async () => {
    const visitor = 'visitorEEEEEEEEEEEEEEE';
    await inbox.push(visitor, say('một'), 'a');
    await new RedisResidentStore(redis, prefix).delete({ channel: 'web', id: visitor });
    expect(await redis.exists(k.webInbox(visitor), k.webInboxIds(visitor))).toBe(0);
  });
});

const updatesSchema = z.object({
  replies: z.array(
    z.object({
      text: z.string(),
      buttons: z.array(z.array(z.object({ label: z.string(), payload: z.string() }))).optional(),
    }),
  ),
  poll: z.boolean(),
});

describe('GET /api/web/updates', () => {
  let server: TestServer;
  let serverInbox: RedisWebInbox;
  const polling = new Set<string>();

  beforeAll(async () => {
    server = await startTestServer({ keepPolling: async (id) => polling.has(id) });
    serverInbox = new RedisWebInbox(server.redis, server.prefix);
  });
  afterAll(() => server.close());

  const updates = (headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/web/updates`, { headers });

  /** A visitor made by a first message: their cookie, token and id. */
  async function newVisitor() {
    const res = await fetch(`${server.url}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'start' }),
    });
    const body = z.object({ visitor: z.string(), poll: z.boolean() }).parse(await res.json());
    const id = readVisitorToken(server.cookieSecret, body.visitor, Date.now()) ?? '';
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie.startsWith(`${VISITOR_COOKIE}=`)).toBe(true);
    return { id, token: body.visitor, cookie, poll: body.poll };
  }

  it('answers a request without a visitor with nothing, and makes no visitor', async () => {
    const before = (await server.redis.keys(`${server.prefix}*`)).sort();
    const res = await updates();
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ replies: [], poll: false });
    expect((await server.redis.keys(`${server.prefix}*`)).sort()).toEqual(before);
  });

  it('answers a forged or expired token with nothing', async () => {
    for (const token of [
      'AAAAAAAAAAAAAAAAAAAAAA.123.forged',
      visitorToken(server.cookieSecret, 'AAAAAAAAAAAAAAAAAAAAAA', Date.now() - 400 * 86_400_000),
    ]) {
      await serverInbox.push('AAAAAAAAAAAAAAAAAAAAAA', say('bí mật'), `x-${token.length}`);
      const ways: Record<string, string>[] = [
        { cookie: `${VISITOR_COOKIE}=${token}` },
        { 'x-visitor-token': token },
      ];
      for (const headers of ways) {
        const res = await updates(headers);
        expect(res.status).toBe(200);
        expect(res.headers.get('set-cookie')).toBeNull();
        expect(await res.json()).toEqual({ replies: [], poll: false });
      }
    }
  });

  it('gives a visitor their waiting messages once, as POST shapes replies, by cookie or token', async () => {
    const v = await newVisitor();
    await serverInbox.push(v.id, say('Cán bộ Lan: hồ sơ của bà con đã đủ.'), 'h-1');
    await serverInbox.push(
      v.id,
      { text: 'Chọn tiếp', buttons: [[{ label: 'Menu', payload: 'menu' }]] },
      'h-2',
    );
    const first = await updates({ cookie: v.cookie });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(updatesSchema.parse(await first.json())).toEqual({
      replies: [
        { text: 'Cán bộ Lan: hồ sơ của bà con đã đủ.' },
        { text: 'Chọn tiếp', buttons: [[{ label: 'Menu', payload: 'menu' }]] },
      ],
      poll: false,
    });
    expect(await (await updates({ cookie: v.cookie })).json()).toEqual({ replies: [], poll: false });

    await serverInbox.push(v.id, say('Bưu điện đã nhận hồ sơ.'), 'p-1');
    const byToken = updatesSchema.parse(await (await updates({ 'x-visitor-token': v.token })).json());
    expect(byToken.replies.map((r) => r.text)).toEqual(['Bưu điện đã nhận hồ sơ.']);
  });

  it('says whether to keep asking, in both routes, from keepPolling', async () => {
    const v = await newVisitor();
    expect(v.poll).toBe(false);
    polling.add(v.id);
    const res = await fetch(`${server.url}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: v.cookie },
      body: JSON.stringify({ text: 'gặp cán bộ' }),
    });
    expect(await res.json()).toMatchObject({ poll: true, visitor: v.token });
    expect(updatesSchema.parse(await (await updates({ cookie: v.cookie })).json()).poll).toBe(true);
    polling.delete(v.id);
    expect(updatesSchema.parse(await (await updates({ cookie: v.cookie })).json()).poll).toBe(false);
  });

  it('leaves no key naming the visitor after «xóa dữ liệu của tôi» (inbox, ids, asking budget)', async () => {
    const v = await newVisitor();
    await serverInbox.push(v.id, say('Cán bộ: đã nhận.'), 'd-1');
    await (await updates({ cookie: v.cookie })).arrayBuffer();
    await serverInbox.push(v.id, say('Bưu điện: đã gửi.'), 'd-2');
    const naming = async () =>
      (await server.redis.keys(`${server.prefix}*`)).filter((key) => key.includes(v.id));
    expect((await naming()).length).toBeGreaterThanOrEqual(3);
    for (const body of [{ text: 'xóa dữ liệu của tôi' }, { payload: 'del:yes' }]) {
      const res = await fetch(`${server.url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: v.cookie },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(await naming()).toEqual([]);
  });

  it('limits a visitor’s asking with 429 and Retry-After, without losing their messages', async () => {
    const v = await newVisitor();
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await updates({ cookie: v.cookie });
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await serverInbox.push(v.id, say('vẫn còn'), 'kept');
    expect((await updates({ cookie: v.cookie })).status).toBe(429);
    expect(await serverInbox.take(v.id)).toEqual([say('vẫn còn')]);
    // Sending messages has its own budget.
    const post = await fetch(`${server.url}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: v.cookie },
      body: JSON.stringify({ payload: 'menu' }),
    });
    expect(post.status).toBe(200);
  });
});

describe('GET /api/web/updates while the store is down', () => {
  it('answers 503 with Retry-After and takes nothing', async () => {
    const app = Fastify();
    await app.register(fastifyCookie);
    let taken = 0;
    const secret = 'unavailable-secret-unavailable-secret-01';
    registerWebUpdates(app, {
      inbox: {
        push: async () => {},
        take: async () => {
          taken++;
          return [];
        },
      },
      rateLimiter: { hitAll: async () => ({ allowed: true }) },
      cookieSecret: secret,
      clock: { now: () => Date.now() },
      available: () => false,
      perIpPerMinute: 100,
    });
    const token = visitorToken(secret, 'visitorFFFFFFFFFFFFFFF', Date.now());
    const res = await app.inject({
      method: 'GET',
      url: '/api/web/updates',
      headers: { 'x-visitor-token': token },
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(taken).toBe(0);
    await app.close();
  });
});
