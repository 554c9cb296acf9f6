import { Queue, Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { ChannelSender } from '../core/channel';
import type { Logger } from '../logger';
import { incrementOutboxCount } from './outbox-counts';
import { assertQueuePrefix, type OutboxChannel, outboxQueueName } from './outbox-keys';
import { createOutboxProcessor } from './outbox-processor';

export interface OutboxLimiter {
  readonly max: number;
  readonly duration: number;
}

/** Telegram allows about 30 messages/s per bot; 25 leaves room for replies sent outside the outbox. */
export const DEFAULT_OUTBOX_LIMITERS: Readonly<Record<OutboxChannel, OutboxLimiter | null>> = {
  telegram: { max: 25, duration: 1000 },
  zalo: null,
  web: null,
};

export interface OutboxWorkerOptions {
  /** options for a NEW connection owned by the worker (maxRetriesPerRequest is forced to null) */
  readonly connection: RedisOptions | { readonly url: string };
  readonly channel: OutboxChannel;
  /** BullMQ prefix without the trailing ':' (as for Outbox) */
  readonly prefix: string;
  readonly sender: ChannelSender;
  /** marks the resident inactive; a throw here retries the job */
  readonly onBlocked: (userKey: string | undefined, chatId: string) => Promise<void>;
  readonly logger: Logger;
  /**
   * Global across all workers of the queue. Omitted → DEFAULT_OUTBOX_LIMITERS[channel]; null → none.
   * Without a limiter a 429 only holds back the worker that received it.
   */
  readonly limiter?: OutboxLimiter | null;
  /** default 1 */
  readonly concurrency?: number;
}

export interface OutboxWorkerHandle {
  readonly worker: Worker;
  /** stops taking jobs, waits for the jobs in hand, closes the connections */
  close(): Promise<void>;
}

function openConnection(options: OutboxWorkerOptions['connection']): Redis {
  return 'url' in options && typeof options.url === 'string'
    ? new Redis(options.url, { maxRetriesPerRequest: null })
    : new Redis({ ...(options as RedisOptions), maxRetriesPerRequest: null });
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorkerHandle {
  const { channel, prefix, logger } = options;
  assertQueuePrefix(prefix);
  if (options.sender.channel !== channel) {
    throw new TypeError(`sender is for ${options.sender.channel}, outbox is for ${channel}`);
  }
  const name = outboxQueueName(channel);
  const connection = openConnection(options.connection);
  connection.on('error', (err) => logger.warn({ err, queue: name }, 'outbox: redis connection error'));
  // Held only for queue.rateLimit, which is what BullMQ 6 wants instead of worker.rateLimit.
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', (err) => logger.warn({ err, queue: name }, 'outbox: queue error'));

  let worker: Worker | undefined;
  const processor = createOutboxProcessor({
    sender: options.sender,
    onBlocked: options.onBlocked,
    logger,
    rateLimit: (ms) => queue.rateLimit(ms),
    // doNotWaitActive: waiting would wait for the job that is asking, which never ends.
    pause: async () => worker?.pause(true),
    count: async (field) => {
      try {
        await incrementOutboxCount(connection, prefix, channel, field);
      } catch (err) {
        logger.warn({ err, field, queue: name }, 'outbox: could not count');
      }
    },
  });

  const limiter = options.limiter === undefined ? DEFAULT_OUTBOX_LIMITERS[channel] : options.limiter;
  worker = new Worker(name, processor, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 1,
    ...(limiter ? { limiter: { max: limiter.max, duration: limiter.duration } } : {}),
  });
  worker.on('error', (err) => logger.error({ err, queue: name }, 'outbox: worker error'));
  const started = worker;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await started.close();
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    })();
    return closing;
  };
  return { worker: started, close };
}
