import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZaloSender } from '../../src/channels/zalo/sender';
import { reportUnknownZaloErrors } from '../../src/channels/zalo/unknown-errors';
import { ChannelError } from '../../src/core/channel';
import { createLogger } from '../../src/logger';
import { RedisErrorTally } from '../../src/storage/redis-error-tally';
import { type FakeZalo, startFakeZalo, zaloText } from '../helpers/fake-zalo-api';
import { deleteKeys } from '../helpers/redis-cleanup';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { until } from '../helpers/until';
import { ZaloResident } from '../helpers/zalo-resident';

/**
 * Zalo error answers nobody recognises are logged whole (without the token) and counted by code and
 * description; the answers the bot does recognise (the "unreachable" guess among them) are not.
 */
const redis = new Redis(inject('redisUrl'));
const prefix = `zunk${Date.now()}:`;
let fake: FakeZalo;
let lines: string[] = [];

const stream = new Writable({
  write(chunk, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
const logger = createLogger('warn', stream);
const tally = new RedisErrorTally(redis, prefix);

beforeAll(async () => {
  fake = await startFakeZalo();
});
afterAll(async () => {
  await fake.close();
  await deleteKeys(redis, prefix);
  redis.disconnect();
});

const sender = () =>
  createZaloSender(
    fake.token,
    fake.url,
    { save: async () => {}, get: async () => undefined },
    () => '',
    reportUnknownZaloErrors(logger, tally),
  );

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ChannelError) return err;
    throw err;
  }
  throw new Error('expected a ChannelError');
}

async function logged(): Promise<string> {
  logger.flush();
  await new Promise((r) => setTimeout(r, 20));
  return lines.join('');
}

describe('Zalo error answers the bot does not recognise', () => {
  it('logs the whole envelope at warn and counts it by error_code and description', async () => {
    lines = [];
    const s = sender();
    const unknown = {
      code: 451,
      description: 'Bad Request: recipient unavailable',
      extra: { parameters: { reason: 'user_inactive_45_days' } },
    };
    fake.failNext('sendMessage', unknown, 2);
    expect((await failure(s.send('7100001', { text: 'Thông báo' }))).code).toBe('unavailable');
    expect((await failure(s.send('7100001', { text: 'Thông báo' }))).code).toBe('unavailable');
    await until(async () => (await tally.read('zalo'))['451 Bad Request: recipient unavailable'] === 2);

    const records = (await logged())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; zalo?: { method: string; envelope: unknown } });
    const warned = records.filter((r) => r.zalo);
    expect(warned).toHaveLength(2);
    expect(warned[0]?.level).toBe(40);
    expect(warned[0]?.zalo?.method).toBe('sendMessage');
    expect(warned[0]?.zalo?.envelope).toEqual({
      ok: false,
      error_code: 451,
      description: 'Bad Request: recipient unavailable',
      parameters: { reason: 'user_inactive_45_days' },
    });
  });

  it('never lets the token into the log or the counter, even when Zalo echoes the path', async () => {
    lines = [];
    const echoed = `Bad Request: no such path /bot${fake.token}/sendMessage`;
    fake.failNext('sendMessage', {
      code: 400,
      description: echoed,
      extra: { path: `/bot${encodeURIComponent(fake.token)}/sendMessage` },
    });
    const err = await failure(sender().send('7100002', { text: 'x' }));
    expect(err.code).toBe('bad-request');
    expect(err.message).not.toContain(fake.token);
    await until(async () => Object.keys(await tally.read('zalo')).some((f) => f.startsWith('400 ')));
    const out = await logged();
    expect(out).toContain('no such path /bot[token]/sendMessage');
    const secretPart = fake.token.split(':')[1] ?? fake.token;
    expect(out).not.toContain(secretPart);
    expect(JSON.stringify(await tally.read('zalo'))).not.toContain(secretPart);
    expect(await tally.read('zalo')).toHaveProperty(
      ['400 Bad Request: no such path /bot[token]/sendMessage'],
      1,
    );
  });

  it('does not log or count what it recognises: an unreachable resident is still "blocked"', async () => {
    lines = [];
    const before = await tally.read('zalo');
    fake.setUnreachable('7100003');
    expect((await failure(sender().send('7100003', { text: 'x' }))).code).toBe('blocked');
    fake.setUnreachable('7100003', false);
    fake.failNext('sendMessage', { code: 429 });
    expect((await failure(sender().send('7100003', { text: 'x' }))).code).toBe('rate-limited');
    fake.failNext('sendMessage', { code: 401 });
    expect((await failure(sender().send('7100003', { text: 'x' }))).code).toBe('unauthorized');
    await new Promise((r) => setTimeout(r, 50));
    expect(await logged()).toBe('');
    expect(await tally.read('zalo')).toEqual(before);
  });
});

describe('the counter', () => {
  it('keeps at most 200 descriptions per channel; later ones are counted under "<code> (other)"', async () => {
    const own = new RedisErrorTally(redis, `${prefix}cap:`);
    for (let i = 0; i < 200; i++) await own.count('zalo', 400, `Bad Request: case ${i}`);
    await own.count('zalo', 400, 'Bad Request: case 0');
    await own.count('zalo', 400, 'Bad Request: one more');
    const counts = await own.read('zalo');
    expect(Object.keys(counts)).toHaveLength(201);
    expect(counts['400 Bad Request: case 0']).toBe(2);
    expect(counts['400 (other)']).toBe(1);
  });
});

describe('the bot as composed counts unknown Zalo errors in Redis', () => {
  let server: TestServer;
  const SECRET = 'zalo_webhook_secret_for_tests';
  beforeAll(async () => {
    server = await startTestServer({ zalo: { apiBase: fake.url, token: fake.token, webhookSecret: SECRET } });
  });
  afterAll(() => server.close());

  it('counts an unknown answer to a reply under <prefix>unknown-errors:zalo; an unreachable resident is marked as before', async () => {
    fake.failNext('sendMessage', { code: 400, description: 'Bad Request: something new' });
    await fake.deliverTo(`${server.url}/webhooks/zalo`, zaloText('7200001', 'xin chào'), {
      form: 'flat',
      secret: SECRET,
    });
    const counts = new RedisErrorTally(server.redis, server.prefix);
    await until(async () => (await counts.read('zalo'))['400 Bad Request: something new'] === 1);
    expect(await server.redis.hgetall(`${server.prefix}unknown-errors:zalo`)).toEqual({
      '400 Bad Request: something new': '1',
    });

    const r = new ZaloResident(fake, '7200002', async (u) => {
      await fake.deliverTo(`${server.url}/webhooks/zalo`, u, { form: 'flat', secret: SECRET });
    });
    await r.say('xin chào');
    await r.say('1');
    fake.setUnreachable(r.chatId);
    await fake.deliverTo(`${server.url}/webhooks/zalo`, zaloText(r.chatId, 'menu'), {
      form: 'flat',
      secret: SECRET,
    });
    await until(async () => {
      const profile = JSON.parse((await server.redis.get(`${server.prefix}user:zalo:7200002`)) ?? '{}');
      return profile.active === false;
    });
    fake.setUnreachable('7200002', false);
    expect(Object.keys(await counts.read('zalo'))).toEqual(['400 Bad Request: something new']);
  });
});
