import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session, UserProfile } from '../../src/core/state';
import type { UserRef } from '../../src/core/user';
import { RedisDedupeStore } from '../../src/storage/redis-dedupe-store';
import { RedisFeedbackStore } from '../../src/storage/redis-feedback-store';
import { keys } from '../../src/storage/redis-keys';
import { RedisRateLimiter } from '../../src/storage/redis-rate-limiter';
import { PENDING_SESSION_SECONDS, RedisResidentStore } from '../../src/storage/redis-resident-store';

const url = inject('redisUrl');
const prefix = `t${Date.now()}${Math.random()}:`;
const redis = new Redis(url);
const k = keys(prefix);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function keysWithPrefix(client: Redis, p: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${p}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}

const lan: UserRef = { channel: 'telegram', id: '1001' };
const profileOf = (user: UserRef): UserProfile => ({
  user,
  village: 'Thôn Đông',
  locale: 'vi',
  consentAt: 1_767_000_000_000,
  firstSeen: 1_767_000_000_000,
  lastSeen: 1_767_000_500_000,
  active: true,
});

afterAll(async () => {
  const left = await keysWithPrefix(redis, prefix);
  if (left.length > 0) await redis.del(...left);
  await redis.quit();
});

describe('RedisResidentStore', () => {
  const residents = new RedisResidentStore(redis, prefix);
  const save = (user: UserRef, session: Session = { misses: 0 }) =>
    residents.save(user, { profile: profileOf(user), session });

  it('keeps a profile across a restart (a new connection) and never expires it', async () => {
    await save(lan);
    expect(await redis.ttl(k.user(lan))).toBe(-1);
    const restarted = new Redis(url);
    try {
      expect((await new RedisResidentStore(restarted, prefix).load(lan)).profile).toEqual(profileOf(lan));
    } finally {
      await restarted.quit();
    }
  });

  it('reads nothing for an unknown resident', async () => {
    expect(await residents.load({ channel: 'zalo', id: 'nobody' })).toEqual({
      profile: undefined,
      session: undefined,
    });
  });

  it('writes the session alone when the profile did not change', async () => {
    const user: UserRef = { channel: 'web', id: 'session-only-visitor' };
    await residents.save(user, { session: { misses: 1 } });
    expect(await residents.load(user)).toEqual({ profile: undefined, session: { misses: 1 } });
  });

  it('saves a session with a time to live, refreshed on every save, and forgets it afterwards', async () => {
    const user: UserRef = { channel: 'zalo', id: 'ttl-user' };
    const short = new RedisResidentStore(redis, prefix, { sessionTtlSeconds: 1 });
    await short.save(user, { session: { misses: 1, lastTopic: 'khai-sinh' } });
    expect((await short.load(user)).session).toEqual({ misses: 1, lastTopic: 'khai-sinh' });
    await sleep(1200);
    expect((await short.load(user)).session).toBeUndefined();
    const long = new RedisResidentStore(redis, prefix, { sessionTtlSeconds: 100 });
    await long.save(user, { session: { misses: 0 } });
    await redis.expire(k.session(user), 5);
    await long.save(user, { session: { misses: 0 } });
    expect(await redis.ttl(k.session(user))).toBeGreaterThan(90);
    // Someone who has not finished the first step is kept only briefly (PENDING_SESSION_SECONDS)…
    await residents.save(user, { session: { misses: 0 } });
    const pending = await redis.ttl(k.session(user));
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThanOrEqual(PENDING_SESSION_SECONDS);
    // …a resident with a profile for the whole session time (one day by default).
    await residents.save(user, { profile: profileOf(user), session: { misses: 0 } });
    expect(await redis.ttl(k.session(user))).toBeGreaterThan(86_000);
  });

  it("keeps a feature's own session data and drops fields that are not part of the schema", async () => {
    const user: UserRef = { channel: 'web', id: 'feature-data-visitor' };
    await residents.save(user, { session: { misses: 0, features: { feedback: { rated: ['khai-sinh'] } } } });
    await redis.set(
      k.session(user),
      JSON.stringify({ misses: 0, features: { feedback: { rated: ['ket-hon'] } }, unknownField: 1 }),
    );
    expect((await residents.load(user)).session).toEqual({
      misses: 0,
      features: { feedback: { rated: ['ket-hon'] } },
    });
  });

  it('treats corrupt or outdated data as missing instead of failing', async () => {
    const user: UserRef = { channel: 'telegram', id: 'corrupt' };
    await redis.set(k.user(user), '{not json');
    await redis.set(k.session(user), JSON.stringify({ misses: -3 }));
    expect(await residents.load(user)).toEqual({ profile: undefined, session: undefined });
    await redis.set(k.user(user), JSON.stringify({ ...profileOf(user), locale: 'fr' }));
    expect((await residents.load(user)).profile).toBeUndefined();
    // A profile stored under another resident's key is as good as corrupt.
    await redis.set(k.user(user), JSON.stringify(profileOf(lan)));
    expect((await residents.load(user)).profile).toBeUndefined();
  });

  it('marks a resident inactive, and does not bring back one who deleted their data', async () => {
    const user: UserRef = { channel: 'telegram', id: 'inactive-1' };
    await save(user);
    await residents.markInactive(user);
    expect((await residents.load(user)).profile?.active).toBe(false);
    await residents.delete(user);
    await residents.markInactive(user);
    expect((await residents.load(user)).profile).toBeUndefined();
  });
});

describe('RedisDedupeStore', () => {
  it('lets one claim win, keeps a confirmed id, and frees a released one for the resend', async () => {
    const dedupe = new RedisDedupeStore(redis, prefix);
    const first = await dedupe.claim('telegram:u1', 60);
    expect(first.state).toBe('claimed');
    expect(await dedupe.claim('telegram:u1', 60)).toEqual({ state: 'busy' });
    if (first.state !== 'claimed') throw new Error('unreachable');
    await dedupe.release('telegram:u1', first.token);
    expect((await dedupe.claim('telegram:u1', 60)).state).toBe('claimed');
    await dedupe.confirm('telegram:u1', 1);
    expect(await dedupe.claim('telegram:u1', 60)).toEqual({ state: 'done' });
    await sleep(1100);
    expect((await dedupe.claim('telegram:u1', 60)).state).toBe('claimed');
  });

  it('never releases a claim that another process holds', async () => {
    const dedupe = new RedisDedupeStore(redis, prefix);
    const ours = await dedupe.claim('telegram:u2', 60);
    if (ours.state !== 'claimed') throw new Error('expected a claim');
    await dedupe.release('telegram:u2', ours.token);
    const theirs = await dedupe.claim('telegram:u2', 60);
    expect(theirs.state).toBe('claimed');
    // A late release of our old claim (e.g. sent before a freeze) leaves theirs alone.
    await dedupe.release('telegram:u2', ours.token);
    expect(await dedupe.claim('telegram:u2', 60)).toEqual({ state: 'busy' });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const dedupe = new RedisDedupeStore(redis, prefix);
    const claims = await Promise.all(Array.from({ length: 20 }, () => dedupe.claim('zalo:race', 60)));
    expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
  });
});

describe('RedisFeedbackStore', () => {
  const feedback = new RedisFeedbackStore(redis, prefix);

  it('adds up 👍 and 👎 per topic', async () => {
    const at = Date.UTC(2026, 0, 1, 3, 0);
    await feedback.record('khai-sinh', 'up', at);
    await feedback.record('khai-sinh', 'up', at);
    await feedback.record('khai-sinh', 'down', at);
    await feedback.record('ket-hon', 'down', at);
    expect(await feedback.totals('khai-sinh')).toEqual({ up: 2, down: 1 });
    expect(await feedback.totals('ket-hon')).toEqual({ up: 0, down: 1 });
    expect(await feedback.totals('never-rated')).toEqual({ up: 0, down: 0 });
  });

  it('counts each day by the date in Vietnam (UTC+7)', async () => {
    await feedback.record('chung-thuc', 'up', Date.UTC(2026, 0, 1, 16, 59)); // 23:59 on 1 Jan in Vietnam
    await feedback.record('chung-thuc', 'up', Date.UTC(2026, 0, 1, 18, 0)); // 01:00 on 2 Jan in Vietnam
    await feedback.record('chung-thuc', 'down', Date.UTC(2026, 0, 2, 1, 0));
    expect(await redis.hget(k.feedbackDay('20260101'), 'chung-thuc:up')).toBe('1');
    expect(await redis.hgetall(k.feedbackDay('20260102'))).toEqual({
      'chung-thuc:up': '1',
      'chung-thuc:down': '1',
    });
  });
});

describe('RedisRateLimiter', () => {
  it('allows the limit, then refuses until the window is over', async () => {
    const limiter = new RedisRateLimiter(redis, prefix);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('telegram:9', 3, 2)).allowed).toBe(true);

    const refused = await limiter.hit('telegram:9', 3, 2);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect((await limiter.hit('telegram:10', 3, 2)).allowed).toBe(true);

    await sleep(2100);
    expect((await limiter.hit('telegram:9', 3, 2)).allowed).toBe(true);
  });

  it('always gives the counter an expiry, so it cannot block a resident forever', async () => {
    const limiter = new RedisRateLimiter(redis, prefix);
    await limiter.hit('zalo:1', 5, 60);
    const ttl = await redis.ttl(k.rate('zalo:1', 60));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});

describe('RedisRateLimiter.hitAll', () => {
  it('never admits more than the limit in any window, even across where a fixed window would reset', async () => {
    // 20 per 2 s (a minute scaled down): one hit, 19 more just before 2 s are over, then a burst just after.
    const limiter = new RedisRateLimiter(redis, prefix);
    const limit = { key: 'web:ip:burst', limit: 20, windowSeconds: 2 };
    const started = Date.now();
    expect((await limiter.hitAll([limit])).allowed).toBe(true);
    await sleep(1800 - (Date.now() - started));
    for (let i = 0; i < 19; i++) expect((await limiter.hitAll([limit])).allowed, `hit ${i + 2}`).toBe(true);
    await sleep(2150 - (Date.now() - started));
    let admitted = 0;
    for (let i = 0; i < 20; i++) if ((await limiter.hitAll([limit])).allowed) admitted++;
    // Only the first hit has left the window: 19 + 1 in the last 2 s, where a fixed window admits 19 + 20.
    expect(Date.now() - started).toBeLessThan(3500);
    expect(admitted).toBe(1);
  });

  it('says when the oldest hit leaves the window', async () => {
    const limiter = new RedisRateLimiter(redis, prefix);
    const limit = { key: 'web:visitor:retry', limit: 2, windowSeconds: 60 };
    await limiter.hitAll([limit]);
    await limiter.hitAll([limit]);
    const refused = await limiter.hitAll([limit]);
    expect(refused).toEqual({ allowed: false, key: 'web:visitor:retry', retryAfterSeconds: 60 });
  });

  it('checks several limits at once and counts a refused hit under none of them', async () => {
    const limiter = new RedisRateLimiter(redis, prefix);
    const perVisitor = { key: 'web:visitor:v1', limit: 2, windowSeconds: 60 };
    const perIp = { key: 'web:ip:127.0.0.5', limit: 4, windowSeconds: 60 };
    expect(await limiter.hitAll([perIp, perVisitor])).toEqual({ allowed: true });
    expect(await limiter.hitAll([perIp, perVisitor])).toEqual({ allowed: true });
    const refused = await limiter.hitAll([perIp, perVisitor]);
    expect(refused).toMatchObject({ allowed: false, key: 'web:visitor:v1' });
    // The refused hit did not use up the address's allowance: two more visitors still get in.
    const other = { key: 'web:visitor:v2', limit: 2, windowSeconds: 60 };
    expect(await limiter.hitAll([perIp, other])).toEqual({ allowed: true });
    expect(await limiter.hitAll([perIp, other])).toEqual({ allowed: true });
    const third = { key: 'web:visitor:v3', limit: 2, windowSeconds: 60 };
    expect(await limiter.hitAll([perIp, third])).toMatchObject({ allowed: false, key: 'web:ip:127.0.0.5' });
    expect(await limiter.hit('web:visitor:v3', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('makes one round trip to Redis for all the limits', async () => {
    const client = new Redis(url);
    try {
      const limiter = new RedisRateLimiter(client, prefix);
      const limits = [
        { key: 'web:ip:127.0.0.6', limit: 10, windowSeconds: 60 },
        { key: 'web:visitor:trip', limit: 10, windowSeconds: 60 },
      ];
      await limiter.hitAll(limits); // loads the script on this connection
      const sent: string[] = [];
      const send = client.sendCommand.bind(client);
      client.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
        sent.push(command.name);
        return (send as (...a: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.sendCommand;
      expect((await limiter.hitAll(limits)).allowed).toBe(true);
      expect(sent).toEqual(['evalsha']);
    } finally {
      client.disconnect();
    }
  });

  it('replaces a counter left by the former fixed-window limiter', async () => {
    await redis.set(k.rate('telegram:77', 60), '999', 'EX', 60);
    const limiter = new RedisRateLimiter(redis, prefix);
    expect(await limiter.hitAll([{ key: 'telegram:77', limit: 5, windowSeconds: 60 }])).toEqual({
      allowed: true,
    });
  });
});

describe('key layout', () => {
  it('puts every key under the configured prefix', async () => {
    const own = `${prefix}layout:`;
    const user: UserRef = { channel: 'telegram', id: '42' };
    await new RedisResidentStore(redis, own).save(user, { profile: profileOf(user), session: { misses: 0 } });
    await new RedisDedupeStore(redis, own).claim('m1', 60);
    await new RedisFeedbackStore(redis, own).record('khai-sinh', 'up', Date.UTC(2026, 0, 1, 18, 0));
    await new RedisRateLimiter(redis, own).hit('telegram:42', 5, 60);

    expect(await keysWithPrefix(redis, own)).toEqual(
      [
        `${own}user:telegram:42`,
        `${own}session:telegram:42`,
        // the village's list of who receives its announcements
        `${own}village:Thôn Đông:telegram`,
        `${own}dedupe:m1`,
        `${own}feedback:khai-sinh`,
        `${own}feedback-day:20260102`,
        `${own}rate:telegram:42:60`,
      ].sort(),
    );
  });
});
