import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { buildReminders, type Reminders } from '../../src/compose-reminders';
import { ChannelError, type ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { NO_USAGE_LOG } from '../../src/core/usage';
import type { UserRef } from '../../src/core/user';
import { loadI18n } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { type OutboxWorkerHandle, startOutboxWorker } from '../../src/queues/outbox-worker';
import { REMINDERS_QUEUE } from '../../src/queues/reminder-queue';
import { RedisReminderStore } from '../../src/storage/redis-reminder-store';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

const url = inject('redisUrl');
const base = `rem-test-${process.pid}-${Date.now()}`;
const redis = new Redis(url);
const logger = createLogger('silent');
const { t } = loadI18n('locales');
const open: { close(): Promise<void> }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;

/** Stands in for Telegram's servers: records what reached each chat; some chats have blocked the bot. */
class RecordingSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly received: { chatId: string; text: string; at: number }[] = [];
  readonly blockedChats = new Set<string>();

  async send(chatId: string, reply: Reply): Promise<void> {
    if (this.blockedChats.has(chatId))
      throw new ChannelError('blocked', 'Forbidden: bot was blocked by the user');
    this.received.push({ chatId, text: reply.text, at: Date.now() });
  }

  to(chatId: string): string[] {
    return this.received.filter((r) => r.chatId === chatId).map((r) => r.text);
  }
}

interface Bed {
  readonly prefix: string;
  readonly sender: RecordingSender;
  /** one process's reminders: the service, its worker and the outbox worker */
  start(): Promise<Reminders>;
  stop(reminders: Reminders): Promise<void>;
}

function bed(): Bed {
  const prefix = `${base}-${++n}:`;
  const queuePrefix = prefix.slice(0, -1);
  const sender = new RecordingSender();
  const handles = new Map<Reminders, { outbox: Outbox; worker: OutboxWorkerHandle }>();
  return {
    prefix,
    sender,
    async start() {
      const outbox = new Outbox(redis, 'telegram', { prefix: queuePrefix, perChatIntervalMs: 0 });
      const reminders = buildReminders({
        usage: NO_USAGE_LOG,
        redis,
        prefix,
        logger,
        clock: { now: () => Date.now() },
        outbox: (channel) => (channel === 'telegram' ? outbox : undefined),
        t,
      });
      const worker = startOutboxWorker({
        connection: { url },
        channel: 'telegram',
        prefix: queuePrefix,
        sender,
        onBlocked: async () => {},
        onGaveUp: async (data) => {
          if (data.kind === 'reminder' && data.ref) await reminders.deliveryFailed(data.ref);
        },
        logger,
      });
      await reminders.startWorker(url, { reconcileEveryMs: 60_000 });
      handles.set(reminders, { outbox, worker });
      open.push({ close: () => this.stop(reminders) });
      return reminders;
    },
    async stop(reminders) {
      const h = handles.get(reminders);
      if (!h) return;
      handles.delete(reminders);
      await reminders.close();
      await h.worker.close();
      await h.outbox.close();
    },
  };
}

const resident = (id: string): UserRef => ({ channel: 'telegram', id });

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

afterAll(async () => {
  await deleteKeys(redis, base);
  redis.disconnect();
});

describe('reminders on a real Redis', () => {
  it('fires once at its time, in the resident chat, and is then marked sent', async () => {
    const b = bed();
    const reminders = await b.start();
    const at = Date.now() + 1500;
    const added = await reminders.add(
      { user: resident('501'), text: 'Lên xã nhận kết quả', at, locale: 'vi' },
      Date.now(),
    );
    expect(added.ok).toBe(true);
    await sleep(800);
    expect(b.sender.to('501')).toEqual([]);
    await until(() => b.sender.to('501').length === 1);
    const received = b.sender.received[0]!;
    expect(received.at).toBeGreaterThanOrEqual(at);
    expect(received.at - at).toBeLessThan(3000);
    expect(received.text).toContain('Lên xã nhận kết quả');
    await sleep(1500);
    expect(b.sender.to('501')).toHaveLength(1);
    expect(await reminders.pending(resident('501'))).toEqual([]);
  });

  it('a cancelled reminder never fires', async () => {
    const b = bed();
    const reminders = await b.start();
    const added = await reminders.add(
      { user: resident('502'), text: 'Nộp hồ sơ', at: Date.now() + 1000, locale: 'vi' },
      Date.now(),
    );
    if (!added.ok) throw new Error('not added');
    expect(await reminders.cancel(resident('502'), added.reminder.id)).toMatchObject({ status: 'cancelled' });
    // Someone else cannot cancel it, and a second cancel finds nothing.
    expect(await reminders.cancel(resident('999'), added.reminder.id)).toBeUndefined();
    await sleep(2500);
    expect(b.sender.to('502')).toEqual([]);
  });

  it('a snoozed reminder fires at the new time only; one already sent can be set up again', async () => {
    const b = bed();
    const reminders = await b.start();
    const first = Date.now() + 800;
    const added = await reminders.add(
      { user: resident('503'), text: 'Mang giấy tờ', at: first, locale: 'vi' },
      Date.now(),
    );
    if (!added.ok) throw new Error('not added');
    const later = Date.now() + 2500;
    expect(await reminders.snooze(resident('503'), added.reminder.id, later, Date.now())).toMatchObject({
      at: later,
    });
    await sleep(1500);
    expect(b.sender.to('503')).toEqual([]);
    await until(() => b.sender.to('503').length === 1);
    expect(b.sender.received.at(-1)!.at).toBeGreaterThanOrEqual(later);
    // «Nhắc lại sau…» under the message that arrived: the same reminder fires again.
    const again = Date.now() + 700;
    expect(await reminders.snooze(resident('503'), added.reminder.id, again, Date.now())).toMatchObject({
      status: 'pending',
    });
    await until(() => b.sender.to('503').length === 2);
    await sleep(800);
    expect(b.sender.to('503')).toHaveLength(2);
  });

  it('fires once when the process is stopped and another starts before the time', async () => {
    const b = bed();
    const first = await b.start();
    const at = Date.now() + 2000;
    await first.add({ user: resident('504'), text: 'Đi nhận căn cước', at, locale: 'vi' }, Date.now());
    await b.stop(first);
    await sleep(300);
    await b.start();
    await until(() => b.sender.to('504').length === 1);
    await sleep(1500);
    expect(b.sender.to('504')).toEqual([expect.stringContaining('Đi nhận căn cước')]);
  });

  it('the queue lost (its keys deleted) while the records remain: reconciliation restores the job, which fires once', async () => {
    const b = bed();
    const first = await b.start();
    const at = Date.now() + 2500;
    await first.add({ user: resident('505'), text: 'Lên công an xã', at, locale: 'vi' }, Date.now());
    await first.add(
      { user: resident('506'), text: 'Lên xã ký giấy', at: at + 200, locale: 'vi' },
      Date.now(),
    );
    await b.stop(first);
    const queueKeys = await redis.keys(`${b.prefix.slice(0, -1)}:${REMINDERS_QUEUE}:*`);
    expect(queueKeys.length).toBeGreaterThan(0);
    await redis.del(...queueKeys);
    const restarted = await b.start();
    // start-up reconciliation has already run; another pass finds nothing left to restore
    expect(await restarted.reconcile()).toMatchObject({ checked: 2, restored: 0 });
    await until(() => b.sender.to('505').length === 1 && b.sender.to('506').length === 1);
    await sleep(1000);
    expect(b.sender.to('505')).toHaveLength(1);
    expect(b.sender.to('506')).toHaveLength(1);
  });

  it('a reminder for a resident who blocked the bot is marked failed, not retried', async () => {
    const b = bed();
    b.sender.blockedChats.add('507');
    const reminders = await b.start();
    const added = await reminders.add(
      { user: resident('507'), text: 'Nộp lệ phí', at: Date.now() + 500, locale: 'vi' },
      Date.now(),
    );
    if (!added.ok) throw new Error('not added');
    const records = new RedisReminderStore(redis, b.prefix);
    await until(async () => (await records.get(added.reminder.id))?.status === 'failed');
    expect(b.sender.to('507')).toEqual([]);
  });

  it('refuses a time in the past, more than a year ahead, and a 21st pending reminder', async () => {
    const b = bed();
    const reminders = await b.start();
    const now = Date.now();
    const who = resident('508');
    expect(await reminders.add({ user: who, text: 'x', at: now - 1000, locale: 'vi' }, now)).toEqual({
      ok: false,
      reason: 'past',
    });
    expect(
      await reminders.add({ user: who, text: 'x', at: now + 367 * 24 * 3600_000, locale: 'vi' }, now),
    ).toEqual({ ok: false, reason: 'too-far' });
    for (let i = 0; i < 20; i++) {
      const r = await reminders.add(
        { user: who, text: `việc ${i}`, at: now + 3600_000 + i, locale: 'vi' },
        now,
      );
      expect(r.ok).toBe(true);
    }
    expect(
      await reminders.add({ user: who, text: 'việc 21', at: now + 7200_000, locale: 'vi' }, now),
    ).toEqual({
      ok: false,
      reason: 'limit',
    });
    expect(await reminders.pending(who)).toHaveLength(20);
    // Cancelling one makes room again.
    const [firstPending] = await reminders.pending(who);
    await reminders.cancel(who, firstPending!.id);
    expect(
      (await reminders.add({ user: who, text: 'việc 21', at: now + 7200_000, locale: 'vi' }, now)).ok,
    ).toBe(true);
  });

  it("deleting a resident's data deletes their reminders, records, due entries and jobs", async () => {
    const b = bed();
    const reminders = await b.start();
    // An id no random reminder id or job id could hold by chance.
    const who = resident('509509509');
    const other = resident('510');
    const now = Date.now();
    await reminders.add({ user: who, text: 'một', at: now + 3600_000, locale: 'vi' }, now);
    await reminders.add({ user: who, text: 'hai', at: now + 7200_000, locale: 'vi' }, now);
    await reminders.add({ user: other, text: 'ba', at: now + 3600_000, locale: 'vi' }, now);
    const residents = new RedisResidentStore(redis, b.prefix, {
      alsoDelete: [(u) => reminders.deleteAll(u)],
    });
    await residents.delete(who);
    expect(await reminders.pending(who)).toEqual([]);
    expect(await reminders.pending(other)).toHaveLength(1);
    const left = await redis.keys(`${b.prefix}*`);
    // (after the prefix: it is made from the time, which may hold any digits)
    expect(left.some((k) => k.slice(b.prefix.length).includes('509509509'))).toBe(false);
    expect(await redis.zcard(`${b.prefix}rem-due`)).toBe(1);
    const queue = new Queue(REMINDERS_QUEUE, { connection: redis, prefix: b.prefix.slice(0, -1) });
    expect(await queue.getDelayedCount()).toBe(1);
    await queue.close();
  });
});
