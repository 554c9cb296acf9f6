import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { buildBroadcasts } from '../../src/compose-broadcasts';
import { ChannelError, type ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { NO_USAGE_LOG } from '../../src/core/usage';
import type { UserRef } from '../../src/core/user';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { startOutboxWorker } from '../../src/queues/outbox-worker';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

const url = inject('redisUrl');
const redis = new Redis(url);
const base = `bct${process.pid}x${Date.now()}`;
const engine = createAnswerEngine('content', 'locales');
const logger = createLogger('silent');
const open: { close(): Promise<void> }[] = [];
let n = 0;

/** Stands in for Telegram's servers: what reached each chat; some chats have blocked the bot. */
class RecordingSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly received = new Map<string, string[]>();
  readonly blocked = new Set<string>();
  async send(chatId: string, reply: Reply): Promise<void> {
    if (this.blocked.has(chatId)) throw new ChannelError('blocked', 'Forbidden: bot was blocked by the user');
    this.received.set(chatId, [...(this.received.get(chatId) ?? []), reply.text]);
  }
}

async function setup(options: { dailyCap?: number } = {}) {
  const prefix = `${base}-${++n}:`;
  const queuePrefix = prefix.slice(0, -1);
  const sender = new RecordingSender();
  const outbox = new Outbox(redis, 'telegram', { prefix: queuePrefix, perChatIntervalMs: 0 });
  const residents = new RedisResidentStore(redis, prefix);
  const broadcasts = buildBroadcasts({
    redis,
    prefix,
    logger,
    clock: { now: () => Date.now() },
    outbox: (channel) => (channel === 'telegram' ? outbox : undefined),
    channels: () => ['telegram'],
    commune: () => engine.kb.commune,
    t: engine.i18n.t,
    dailyCap: options.dailyCap ?? 3,
    usage: NO_USAGE_LOG,
  });
  const worker = startOutboxWorker({
    connection: { url },
    channel: 'telegram',
    prefix: queuePrefix,
    sender,
    concurrency: 8,
    limiter: null,
    onBlocked: async (userKey) => {
      const id = userKey?.split(':')[1];
      if (id) await residents.markInactive({ channel: 'telegram', id });
    },
    onGaveUp: (data, reason) =>
      broadcasts.outcome(data, 'telegram', reason === 'blocked' ? 'blocked' : 'failed'),
    onDelivered: (data) => broadcasts.outcome(data, 'telegram', 'sent'),
    stillWanted: (data) => broadcasts.stillWanted(data),
    logger,
  });
  broadcasts.startWorker(url);
  open.push(broadcasts, worker, outbox);
  const listen = async (id: string, village: string) => {
    const user: UserRef = { channel: 'telegram', id };
    const now = Date.now();
    await residents.save(user, {
      profile: { user, village, locale: 'vi', consentAt: now, firstSeen: now, lastSeen: now, active: true },
      session: { misses: 0 },
    });
  };
  return { prefix, sender, broadcasts, listen };
}

afterAll(async () => {
  for (const o of open.splice(0)) await o.close();
  await deleteKeys(redis, base);
  redis.disconnect();
});

describe('announcements on a real Redis', () => {
  it('reaches every listener of the village once; the sender hears progress and a final report with the counts', async () => {
    const { sender, broadcasts, listen } = await setup();
    for (let i = 0; i < 40; i++) await listen(String(1000 + i), 'thon-1');
    await listen('2000', 'thon-2'); // another village: not a recipient
    sender.blocked.add('1039');
    expect(await broadcasts.recipients(['thon-1'])).toEqual({ telegram: 40 });
    const b = await broadcasts.create(
      {
        text: 'Sáng mai họp thôn lúc 8 giờ.',
        villages: ['thon-1'],
        at: Date.now(),
        by: 'telegram:777',
        needsApproval: false,
      },
      Date.now(),
    );
    await until(async () => (await broadcasts.get(b.id))?.state === 'done', 20_000);
    for (let i = 0; i < 39; i++) {
      expect(sender.received.get(String(1000 + i)), String(1000 + i)).toEqual([
        '📢 Thông báo của Thôn/làng 1:\nSáng mai họp thôn lúc 8 giờ.\n\n(Không muốn nhận thông báo, bà con gõ «DỪNG».)',
      ]);
    }
    expect(sender.received.get('2000')).toBeUndefined();
    expect(await broadcasts.tally(b.id)).toEqual({
      telegram: { recipients: 40, sent: 39, failed: 0, blocked: 1, capped: 0 },
    });
    // The blocked resident no longer receives the village's announcements.
    expect(await broadcasts.recipients(['thon-1'])).toEqual({ telegram: 39 });
    await until(() => (sender.received.get('777') ?? []).some((t) => t.startsWith('Đã gửi xong')));
    const toSender = sender.received.get('777')!;
    expect(toSender.at(-1)).toContain(`Đã gửi xong thông báo ${b.id}: 39/40 người nhận được.`);
    expect(toSender.at(-1)).toContain('Telegram: gửi được 39, lỗi 0, đã chặn bot 1, đủ số tin trong ngày 0');
    // progress messages come at most once per 10 % mark
    expect(toSender.length).toBeLessThanOrEqual(10);
  });

  it('the daily maximum holds across announcements, and a scheduled one waits for its time', async () => {
    const { sender, broadcasts, listen } = await setup({ dailyCap: 2 });
    for (let i = 0; i < 5; i++) await listen(String(3000 + i), 'thon-3');
    const ids: string[] = [];
    for (const text of ['Một', 'Hai', 'Ba']) {
      const b = await broadcasts.create(
        { text, villages: ['thon-3'], at: Date.now(), by: 'cli', needsApproval: false },
        Date.now(),
      );
      ids.push(b.id);
      await until(async () => (await broadcasts.get(b.id))?.state === 'done', 20_000);
    }
    for (let i = 0; i < 5; i++) expect(sender.received.get(String(3000 + i))).toHaveLength(2);
    expect((await broadcasts.tally(ids[2]!)).telegram).toMatchObject({ recipients: 5, sent: 0, capped: 5 });

    const later = await broadcasts.create(
      { text: 'Bốn', villages: ['thon-4'], at: Date.now() + 1500, by: 'cli', needsApproval: false },
      Date.now(),
    );
    await listen('4000', 'thon-4');
    await new Promise((r) => setTimeout(r, 700));
    expect(sender.received.get('4000')).toBeUndefined();
    await until(() => sender.received.get('4000')?.length === 1, 10_000);
    // The state turns done once the delivery is recorded, a moment after the message arrives.
    await until(async () => (await broadcasts.get(later.id))?.state === 'done', 10_000);
    expect(sender.received.get('4000')).toHaveLength(1);
  });

  it('a cancelled announcement sends nothing more, and running the fan-out again adds no duplicate', async () => {
    const { sender, broadcasts, listen, prefix } = await setup();
    for (let i = 0; i < 10; i++) await listen(String(5000 + i), 'thon-5');
    const cancelled = await broadcasts.create(
      { text: 'Hủy tôi', villages: ['thon-5'], at: Date.now() + 60_000, by: 'cli', needsApproval: false },
      Date.now(),
    );
    expect(await broadcasts.cancel(cancelled.id)).toMatchObject({ state: 'cancelled' });
    await broadcasts.fanOut(cancelled.id);
    await new Promise((r) => setTimeout(r, 500));
    expect([...sender.received.values()].flat()).not.toContain(expect.stringContaining('Hủy tôi'));

    const b = await broadcasts.create(
      { text: 'Một lần thôi', villages: ['thon-5'], at: Date.now(), by: 'cli', needsApproval: false },
      Date.now(),
    );
    await until(async () => (await broadcasts.get(b.id))?.state === 'done', 20_000);
    // The fan-out run again as if it had died part-way (its job retried, the record still «sending»):
    // it adds the same job ids, so nothing new is sent.
    const key = `${prefix}bc:${b.id}`;
    await redis.set(key, JSON.stringify({ ...JSON.parse((await redis.get(key))!), state: 'sending' }));
    await broadcasts.fanOut(b.id);
    await new Promise((r) => setTimeout(r, 800));
    for (let i = 0; i < 10; i++) {
      expect(sender.received.get(String(5000 + i))?.filter((t) => t.includes('Một lần thôi'))).toHaveLength(
        1,
      );
    }
  });
});
