import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel';
import { NO_USAGE_LOG } from '../../src/core/usage';
import { createLogger } from '../../src/logger';
import { BroadcastQueue } from '../../src/queues/broadcast-queue';
import { BroadcastService } from '../../src/queues/broadcast-service';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { type OutboxDeliveries, redisOutboxDeliveries } from '../../src/queues/outbox-deliveries';
import { outboxKeys, outboxQueueName } from '../../src/queues/outbox-keys';
import { createOutboxProcessor } from '../../src/queues/outbox-processor';
import { RedisBroadcastStore } from '../../src/storage/redis-broadcast-store';
import { keys } from '../../src/storage/redis-keys';
import { deleteKeys } from '../helpers/redis-cleanup';
import { until } from '../helpers/until';

/**
 * An announcement's tally across a worker that dies between the delivery record and the outcome report
 * (in-process: the dying worker hangs there and is closed without its lock being renewed, as in
 * outbox-crash.test.ts). The re-run finds the record and does not send again; the announcement must still
 * count that message and finish.
 */
const url = inject('redisUrl');
const redis = new Redis(url);
const base = `bccrash${process.pid}x${Date.now()}`;
const logger = createLogger('silent');
const hang = () => new Promise<never>(() => undefined);
const open: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of open.reverse()) await close();
  await deleteKeys(redis, base);
  redis.disconnect();
});

class Sender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly sent: string[] = [];
  async send(chatId: string): Promise<void> {
    this.sent.push(chatId);
  }
}

describe('announcement tally across a worker crash', () => {
  it('counts a message whose worker died after recording it and before reporting it; the announcement finishes', async () => {
    const prefix = `${base}a`;
    const redisPrefix = `${prefix}:`;
    const outbox = new Outbox(redis, 'telegram', { prefix });
    const store = new RedisBroadcastStore(redis, redisPrefix);
    const queue = new BroadcastQueue(redis, prefix);
    open.push(
      () => outbox.close(),
      () => queue.close(),
    );
    const service = new BroadcastService({
      store,
      queue,
      outbox: () => outbox,
      channels: () => ['telegram'],
      villages: () => ['thon-1'],
      render: (b) => ({ text: b.text }),
      progress: () => ({ text: 'progress' }),
      dailyCap: 3,
      usage: NO_USAGE_LOG,
      now: () => Date.now(),
      logger,
    });
    await redis.sadd(keys(redisPrefix).villageMembers('thon-1', 'telegram'), '501', '502');
    const b = await service.create(
      { text: 'Họp dân', villages: ['thon-1'], at: Date.now() + 3_600_000, by: 'cli', needsApproval: false },
      Date.now(),
    );
    await service.fanOut(b.id);

    const real = redisOutboxDeliveries(redis, prefix, 'telegram');
    const worker = (deliveries: OutboxDeliveries, sender: Sender) => {
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      const processor = createOutboxProcessor({
        sender,
        onBlocked: async () => undefined,
        logger,
        rateLimit: async () => undefined,
        pause: async () => undefined,
        count: (field) =>
          redis.hincrby(outboxKeys(prefix, 'telegram').counts, field, 1).then(() => undefined),
        deliveries,
        onDelivered: (data) => service.outcome(data, 'telegram', 'sent'),
        onGaveUp: (data, reason) =>
          service.outcome(data, 'telegram', reason === 'blocked' ? 'blocked' : 'failed'),
        stillWanted: (data) => service.stillWanted(data),
      });
      const w = new Worker(outboxQueueName('telegram'), (job: Job) => processor(job), {
        connection,
        prefix,
        lockDuration: 1000,
        stalledInterval: 300,
      });
      w.on('error', () => undefined);
      open.push(async () => {
        await w.close(true);
        connection.disconnect();
      });
      return w;
    };

    // the first worker records chat 501's delivery, then dies before the announcement hears of it
    const diesAfterRecord: OutboxDeliveries = {
      wasDelivered: (jobId) => real.wasDelivered(jobId),
      recordDelivered: async (jobId, afterStall) => {
        await real.recordDelivered(jobId, afterStall);
        if (jobId.endsWith('-501')) await hang();
      },
    };
    const first = new Sender();
    const dying = worker(diesAfterRecord, first);
    await until(() => first.sent.includes('501'));
    await until(
      async () => (await redis.exists(outboxKeys(prefix, 'telegram').sent(`bc-${b.id}-telegram-501`))) === 1,
    );
    await dying.close(true);

    const second = new Sender();
    worker(real, second);
    const jobs = new Queue(outboxQueueName('telegram'), { connection: redis, prefix });
    open.push(() => jobs.close());
    await until(async () => (await jobs.getJobCounts('completed')).completed === 2, 15_000);
    expect(second.sent).not.toContain('501'); // the record kept it from going out twice
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ sent: 2, already_sent: 1 });

    await until(async () => (await store.get(b.id))?.state === 'done', 5_000).catch(() => undefined);
    expect((await store.tally(b.id)).tally).toEqual({
      telegram: { recipients: 2, sent: 2, failed: 0, blocked: 0, capped: 0 },
    });
    expect((await store.get(b.id))?.state).toBe('done');
    // said once more, it is still counted once
    await service.outcome(
      { chatId: '501', reply: { text: 'x' }, kind: 'broadcast', ref: b.id },
      'telegram',
      'sent',
    );
    expect((await store.tally(b.id)).tally.telegram?.sent).toBe(2);
  }, 30_000);
});
