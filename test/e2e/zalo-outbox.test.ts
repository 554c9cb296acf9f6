import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createZaloSender } from '../../src/channels/zalo/sender';
import type { UserProfile } from '../../src/core/state';
import type { UserRef } from '../../src/core/user';
import { parseUserKey } from '../../src/core/user';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { startOutboxWorker } from '../../src/queues/outbox-worker';
import { RedisChoiceStore } from '../../src/storage/redis-choice-store';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { type FakeZalo, startFakeZalo } from '../helpers/fake-zalo-api';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

/** The outbox-zalo queue end to end: BullMQ worker → ZaloSender (axios) → fake Zalo Bot API. */
const redisUrl = inject('redisUrl');
const redis = new Redis(redisUrl);
const base = `zo${Date.now()}`;
let n = 0;
let fake: FakeZalo;
let alerts: string[] = [];
const logger = createLogger('silent');
logger.error = ((obj: unknown, msg?: string) => {
  alerts.push(String(msg ?? obj));
}) as typeof logger.error;

beforeAll(async () => {
  fake = await startFakeZalo();
});
afterAll(async () => {
  await fake.close();
  await deleteKeys(redis, base);
  redis.disconnect();
});

function setup() {
  const prefix = `${base}x${++n}`;
  const outbox = new Outbox(redis, 'zalo', { prefix, backoffMs: 200 });
  const residents = new RedisResidentStore(redis, `${prefix}:`);
  const saveProfile = (profile: UserProfile) =>
    residents.save(profile.user, { profile, session: { misses: 0 } });
  const profileOf = async (user: UserRef) => (await residents.load(user)).profile;
  const choices = new RedisChoiceStore(redis, `${prefix}:`);
  const worker = startOutboxWorker({
    connection: { url: redisUrl },
    channel: 'zalo',
    prefix,
    sender: createZaloSender(fake.token, fake.url, choices, (c) => `(Trả lời 1–${c} để chọn.)`),
    onBlocked: async (userKey) => {
      const user = userKey ? parseUserKey(userKey) : undefined;
      if (user) await residents.markInactive(user);
    },
    logger,
  });
  return { prefix, outbox, saveProfile, profileOf, choices, worker };
}

const delivered = (chatId: string) =>
  fake.sent(chatId).filter((c) => (c.response as { ok?: boolean })?.ok === true);

describe('outbox-zalo', () => {
  it('retries 5xx and 408 with backoff, then delivers once; the options are remembered', async () => {
    const { outbox, worker, prefix, choices } = setup();
    fake.failNext('sendMessage', { code: 500 });
    fake.failNext('sendMessage', { code: 408 });
    await outbox.enqueue('rem-zalo-1', {
      chatId: '5100001',
      reply: { text: 'Nhắc bà con đi nhận kết quả', buttons: [[{ label: 'Menu chính', payload: 'menu' }]] },
    });
    await until(() => delivered('5100001').length === 1);
    expect(delivered('5100001')[0]?.params.text).toContain('1. Menu chính');
    expect((await outboxCounts(redis, prefix, 'zalo')).retried).toBeGreaterThanOrEqual(2);
    expect(await choices.get({ channel: 'zalo', id: '5100001' })).toEqual([
      { label: 'Menu chính', payload: 'menu' },
    ]);
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('drops and counts a message Zalo refuses (400), without retrying', async () => {
    const { outbox, worker, prefix } = setup();
    fake.failNext('sendMessage', { code: 400, description: 'Bad Request: text is empty' });
    await outbox.enqueue('rem-zalo-2', { chatId: '5100002', reply: { text: 'x' } });
    await until(async () => (await outboxCounts(redis, prefix, 'zalo')).dropped === 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.sent('5100002')).toHaveLength(1);
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('marks a resident who cannot be reached as inactive', async () => {
    const { outbox, worker, saveProfile, profileOf, prefix } = setup();
    await saveProfile({
      user: { channel: 'zalo', id: '5100003' },
      locale: 'vi',
      firstSeen: 1,
      lastSeen: 1,
      active: true,
    });
    fake.setUnreachable('5100003');
    await outbox.enqueue('bc-9-zalo-5100003', {
      chatId: '5100003',
      userKey: 'zalo:5100003',
      reply: { text: 'Thông báo' },
    });
    await until(async () => (await outboxCounts(redis, prefix, 'zalo')).blocked === 1);
    expect((await profileOf({ channel: 'zalo', id: '5100003' }))?.active).toBe(false);
    fake.setUnreachable('5100003', false);
    await worker.close();
    await outbox.close();
  }, 30_000);

  it('stops the channel and raises an alert on 401 (the token was reset), keeping the message', async () => {
    const { outbox, worker } = setup();
    alerts = [];
    fake.failNext('sendMessage', { code: 401 });
    await outbox.enqueue('rem-zalo-4', { chatId: '5100004', reply: { text: 'Nhắc lịch' } });
    await until(() => worker.worker.isPaused());
    expect(alerts.some((a) => a.includes('ALERT'))).toBe(true);
    expect(delivered('5100004')).toHaveLength(0);
    worker.worker.resume();
    await until(() => delivered('5100004').length === 1);
    await worker.close();
    await outbox.close();
  }, 30_000);
});
