import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import {
  DELIVERY_RECORD_SECONDS,
  type OutboxDeliveries,
  redisOutboxDeliveries,
} from '../../src/queues/outbox-deliveries';
import { outboxKeys, outboxQueueName } from '../../src/queues/outbox-keys';
import { createOutboxProcessor } from '../../src/queues/outbox-processor';
import { OUTBOX_WORKER_DEFAULTS, startOutboxWorker } from '../../src/queues/outbox-worker';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

/** Delivery records and stalled jobs: what a worker that dies or loses its lock leaves behind. */
const url = inject('redisUrl');
const base = `outbox-crash-${process.pid}-${Date.now()}`;
const redis = new Redis(url);
const prefixes: string[] = [];
const open: { close(): Promise<void> }[] = [];
const logLines: string[] = [];
const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
const name = outboxQueueName('telegram');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const hang = () => new Promise<never>(() => undefined);

/** Records every delivery; `after` runs once a message is out (a hang there stands in for a crash). */
class RecordingSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly delivered: string[] = [];
  constructor(private readonly after: () => Promise<void> = async () => undefined) {}
  async send(_chatId: string, reply: Reply): Promise<void> {
    this.delivered.push(reply.text);
    await this.after();
  }
}

function newPrefix(): string {
  const prefix = `${base}-${prefixes.length + 1}`;
  prefixes.push(prefix);
  return prefix;
}

async function enqueue(prefix: string, jobId: string, text: string): Promise<void> {
  const outbox = new Outbox(redis, 'telegram', { prefix, backoffMs: 50 });
  await outbox.enqueue(jobId, { chatId: '77', reply: { text } });
  await outbox.close();
}

async function jobOf(prefix: string, jobId: string) {
  const queue = new Queue(name, { connection: redis, prefix });
  try {
    const job = await queue.getJob(jobId);
    return { state: await job?.getState(), attemptsMade: job?.attemptsMade, stalled: job?.stalledCounter };
  } finally {
    await queue.close();
  }
}

/** The production processor in a bare BullMQ worker, so that a test can choose its sender and records. */
function rawWorker(
  prefix: string,
  sender: ChannelSender,
  deliveries: OutboxDeliveries,
  lock: { lockDuration: number; stalledInterval: number },
): Worker {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const processor = createOutboxProcessor({
    sender,
    onBlocked: async () => undefined,
    logger,
    rateLimit: async () => undefined,
    pause: async () => undefined,
    count: (field) => redis.hincrby(outboxKeys(prefix, 'telegram').counts, field, 1).then(() => undefined),
    deliveries,
  });
  const worker = new Worker(name, (job: Job) => processor(job), { connection, prefix, ...lock });
  worker.on('error', () => undefined);
  open.push({
    close: async () => {
      await worker.close(true);
      connection.disconnect();
    },
  });
  return worker;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const queue = new Queue(name, { connection: redis, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await deleteKeys(redis, base);
  redis.disconnect();
});

/** The Telegram outbox worker on the test Redis, closed after the tests. */
function startTelegramWorker(
  prefix: string,
  sender: RecordingSender,
  options: { lockDuration?: number; stalledInterval?: number; maxStalledCount?: number } = {},
) {
  const handle = startOutboxWorker({
    connection: { url },
    channel: 'telegram',
    prefix,
    sender,
    onBlocked: async () => undefined,
    logger,
    ...options,
  });
  open.push(handle);
  return handle;
}

describe('outbox delivery records', () => {
  it('records a delivery for 7 days, counted sent once', async () => {
    const prefix = newPrefix();
    const sender = new RecordingSender();
    startTelegramWorker(prefix, sender);
    await enqueue(prefix, 'rec-1', 'một');
    await until(async () => (await jobOf(prefix, 'rec-1')).state === 'completed');
    const ttl = await redis.ttl(outboxKeys(prefix, 'telegram').sent('rec-1'));
    expect(ttl).toBeGreaterThan(DELIVERY_RECORD_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(DELIVERY_RECORD_SECONDS);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ sent: 1, already_sent: 0 });
  });

  it('does not send again a job whose delivery record exists, and completes it', async () => {
    const prefix = newPrefix();
    await redis.set(outboxKeys(prefix, 'telegram').sent('dup-1'), new Date().toISOString(), 'EX', 60);
    const sender = new RecordingSender();
    startTelegramWorker(prefix, sender);
    await enqueue(prefix, 'dup-1', 'hai');
    await until(async () => (await jobOf(prefix, 'dup-1')).state === 'completed');
    expect(sender.delivered).toEqual([]);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ sent: 0, already_sent: 1 });
    expect(logLines.some((l) => l.includes('"jobId":"dup-1"') && l.includes('not sent again'))).toBe(true);
  });

  it('completes a delivered job whose record cannot be written, without sending it again', async () => {
    const prefix = newPrefix();
    const sender = new RecordingSender();
    const real = redisOutboxDeliveries(redis, prefix, 'telegram');
    const failing: OutboxDeliveries = {
      wasDelivered: (jobId) => real.wasDelivered(jobId),
      recordDelivered: async () => {
        throw new Error('READONLY You can not write against a read only replica.');
      },
    };
    rawWorker(prefix, sender, failing, { lockDuration: 5000, stalledInterval: 1000 });
    await enqueue(prefix, 'nor-1', 'ba');
    await until(async () => (await jobOf(prefix, 'nor-1')).state === 'completed');
    await sleep(300);
    expect(sender.delivered).toEqual(['ba']);
    expect((await jobOf(prefix, 'nor-1')).attemptsMade).toBe(1);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ sent: 1, retried: 0 });
    expect(logLines.some((l) => l.includes('"level":50') && l.includes('could not be written'))).toBe(true);
  });
});

describe('outbox stalled jobs', () => {
  it('passes its lock options to the BullMQ worker, with short defaults', () => {
    const sender = new RecordingSender();
    const byDefault = startTelegramWorker(newPrefix(), sender);
    const chosen = startTelegramWorker(newPrefix(), sender, {
      lockDuration: 8000,
      stalledInterval: 3000,
      maxStalledCount: 9,
    });
    expect(byDefault.worker.opts).toMatchObject(OUTBOX_WORKER_DEFAULTS);
    expect(OUTBOX_WORKER_DEFAULTS).toEqual({ lockDuration: 5000, stalledInterval: 1000, maxStalledCount: 5 });
    expect(chosen.worker.opts).toMatchObject({
      lockDuration: 8000,
      stalledInterval: 3000,
      maxStalledCount: 9,
    });
    // BullMQ renews the lock every lockDuration / 2 unless told otherwise
    expect(byDefault.worker.opts.lockRenewTime).toBe(2500);
  });

  it('keeps the lock of a send that lasts longer than lockDuration', async () => {
    const prefix = newPrefix();
    const sender = new RecordingSender(() => sleep(2500));
    startTelegramWorker(prefix, sender, { lockDuration: 1000, stalledInterval: 300 });
    await enqueue(prefix, 'slow-1', 'chậm');
    await until(async () => (await jobOf(prefix, 'slow-1')).state === 'completed');
    expect(sender.delivered).toEqual(['chậm']);
    expect((await jobOf(prefix, 'slow-1')).stalled).toBe(0);
  });

  it('skips the re-run of a job whose worker died after recording the delivery (counted once)', async () => {
    const prefix = newPrefix();
    const real = redisOutboxDeliveries(redis, prefix, 'telegram');
    const diesAfterRecord: OutboxDeliveries = {
      wasDelivered: (jobId) => real.wasDelivered(jobId),
      recordDelivered: async (jobId, afterStall) => {
        await real.recordDelivered(jobId, afterStall);
        await hang();
      },
    };
    const lock = { lockDuration: 1000, stalledInterval: 300 };
    const first = new RecordingSender();
    const dying = rawWorker(prefix, first, diesAfterRecord, lock);
    await enqueue(prefix, 'crash-1', 'bốn');
    await until(() => first.delivered.length === 1);
    await sleep(50);
    await dying.close(true); // no more lock renewals: as if the process had died

    const second = new RecordingSender();
    rawWorker(prefix, second, real, lock);
    await until(async () => (await jobOf(prefix, 'crash-1')).state === 'completed');
    expect(second.delivered).toEqual([]);
    expect((await jobOf(prefix, 'crash-1')).stalled).toBe(1);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({
      sent: 1,
      already_sent: 1,
      sent_after_stall: 0,
    });
  });

  it('sends again, and counts sent_after_stall, when the worker died between the send and the record', async () => {
    const prefix = newPrefix();
    const real = redisOutboxDeliveries(redis, prefix, 'telegram');
    const lock = { lockDuration: 1000, stalledInterval: 300 };
    const first = new RecordingSender(hang);
    const dying = rawWorker(prefix, first, real, lock);
    await enqueue(prefix, 'crash-2', 'năm');
    await until(() => first.delivered.length === 1);
    await dying.close(true);

    const second = new RecordingSender();
    rawWorker(prefix, second, real, lock);
    await until(async () => (await jobOf(prefix, 'crash-2')).state === 'completed');
    // the documented window: the first send left no trace, so it went out twice
    expect(second.delivered).toEqual(['năm']);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({
      sent: 1,
      already_sent: 0,
      sent_after_stall: 1,
    });
  });
});
