import { Queue, Worker } from 'bullmq';
import type { ChannelSender } from '../core/channel';
import type { Logger } from '../logger';
import { incrementOutboxCount, type OutboxCountField } from './outbox-counts';
import { redisOutboxDeliveries } from './outbox-deliveries';
import { assertQueuePrefix, type OutboxChannel, outboxQueueName } from './outbox-keys';
import { createOutboxProcessor, type OutboxProcessorDeps } from './outbox-processor';
import { openWorkerConnection, type WorkerConnectionOptions } from './worker-connection';

export interface OutboxLimiter {
  readonly max: number;
  readonly duration: number;
}

/**
 * Telegram allows about 30 messages/s per bot; 25 leaves room for replies sent outside the outbox.
 * Written as one message per 40 ms, not 25 per 1000 ms: BullMQ's limiter counts fixed windows that start
 * at their first job, and a worker takes the 25 jobs of a window at once (8 at a time, ~50 ms against a
 * fast API), so any second that starts inside one burst held most of it and all of the next: up to 49
 * sends in one second (npm run bench -- --only broadcast, BENCHMARKS.md «Village announcements»). One
 * per 40 ms keeps every second at ≤ 25; the timer's slack makes it about 24/s.
 */
export const DEFAULT_OUTBOX_LIMITERS: Readonly<Record<OutboxChannel, OutboxLimiter | null>> = {
  telegram: { max: 1, duration: 40 },
  zalo: null,
  web: null,
};

/**
 * How soon a job held by a dead worker runs again (BullMQ stalled jobs, bullmq 6.7 lock-manager.js and
 * moveStalledJobsToWait-9.lua). A worker locks its job for lockDuration and, on a timer that does not wait
 * for the job, renews the lock every lockDuration/4 to lockDuration/2 (lockRenewTime = lockDuration/2):
 * a slow send keeps its lock as long as the worker's event loop and Redis answer within about half of
 * lockDuration. Every stalledInterval one worker of the queue moves back to wait the active jobs that were
 * marked at the previous check and whose lock has expired, then marks all active jobs again: a dead
 * worker's job runs again at most about lockDuration + stalledInterval after the kill, here 6 s (with
 * BullMQ's 30 s / 30 s defaults up to a minute). Each such recovery counts against maxStalledCount
 * (BullMQ's default 1): one more fails the job for good, with no further try, so it is well above the
 * crashes one message should ever see.
 */
export const OUTBOX_WORKER_DEFAULTS = {
  lockDuration: 5000,
  stalledInterval: 1000,
  maxStalledCount: 5,
} as const;

/** BullMQ's reason for a job that stalled more than maxStalledCount times. */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/**
 * How many sends one outbox worker runs at once in the bot (compose.ts). A send waits 0.1–0.3 s on the
 * platform, so one at a time would stay far below Telegram's 25 messages/s and 1,000 reminders due at
 * 8:00 would trickle out; messages to one chat stay a second apart through their pacing slots, which
 * do not depend on running alone.
 */
export const OUTBOX_CONCURRENCY = 8;

export interface OutboxWorkerOptions {
  /** options for a NEW connection owned by the worker (maxRetriesPerRequest is forced to null) */
  readonly connection: WorkerConnectionOptions;
  readonly channel: OutboxChannel;
  /** BullMQ prefix without the trailing ':' (as for Outbox) */
  readonly prefix: string;
  readonly sender: ChannelSender;
  /** marks the resident inactive; a throw here retries the job */
  readonly onBlocked: (userKey: string | undefined, chatId: string) => Promise<void>;
  /** a message that will never go out (see OutboxProcessorDeps.onGaveUp) */
  readonly onGaveUp?: OutboxProcessorDeps['onGaveUp'];
  readonly onDelivered?: OutboxProcessorDeps['onDelivered'];
  readonly stillWanted?: OutboxProcessorDeps['stillWanted'];
  readonly logger: Logger;
  /**
   * Global across all workers of the queue. Omitted → DEFAULT_OUTBOX_LIMITERS[channel]; null → none.
   * Without a limiter a 429 only holds back the worker that received it.
   */
  readonly limiter?: OutboxLimiter | null;
  /** default 1 */
  readonly concurrency?: number;
  /** ms a job stays locked without a renewal; default OUTBOX_WORKER_DEFAULTS.lockDuration */
  readonly lockDuration?: number;
  /** ms between two checks for stalled jobs; default OUTBOX_WORKER_DEFAULTS.stalledInterval */
  readonly stalledInterval?: number;
  /** stalls a job survives before it fails for good; default OUTBOX_WORKER_DEFAULTS.maxStalledCount */
  readonly maxStalledCount?: number;
}

export interface OutboxWorkerHandle {
  readonly worker: Worker;
  /** stops taking jobs, waits for the jobs in hand, closes the connections */
  close(): Promise<void>;
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorkerHandle {
  const { channel, prefix, logger } = options;
  assertQueuePrefix(prefix);
  if (options.sender.channel !== channel) {
    throw new TypeError(`sender is for ${options.sender.channel}, outbox is for ${channel}`);
  }
  const name = outboxQueueName(channel);
  const connection = openWorkerConnection(options.connection);
  connection.on('error', (err) => logger.warn({ err, queue: name }, 'outbox: redis connection error'));
  // Held only for queue.rateLimit, which is what BullMQ 6 wants instead of worker.rateLimit.
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', (err) => logger.warn({ err, queue: name }, 'outbox: queue error'));

  let worker: Worker | undefined;
  const count = async (field: OutboxCountField): Promise<void> => {
    try {
      await incrementOutboxCount(connection, prefix, channel, field);
    } catch (err) {
      logger.warn({ err, field, queue: name }, 'outbox: could not count');
    }
  };
  const processor = createOutboxProcessor({
    sender: options.sender,
    onBlocked: options.onBlocked,
    ...(options.onGaveUp ? { onGaveUp: options.onGaveUp } : {}),
    ...(options.onDelivered ? { onDelivered: options.onDelivered } : {}),
    ...(options.stillWanted ? { stillWanted: options.stillWanted } : {}),
    logger,
    rateLimit: (ms) => queue.rateLimit(ms),
    // doNotWaitActive: waiting would wait for the job that is asking, which never ends.
    pause: async () => worker?.pause(true),
    count,
    deliveries: redisOutboxDeliveries(connection, prefix, channel),
  });

  const limiter = options.limiter === undefined ? DEFAULT_OUTBOX_LIMITERS[channel] : options.limiter;
  const maxStalledCount = options.maxStalledCount ?? OUTBOX_WORKER_DEFAULTS.maxStalledCount;
  worker = new Worker(name, processor, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDuration ?? OUTBOX_WORKER_DEFAULTS.lockDuration,
    stalledInterval: options.stalledInterval ?? OUTBOX_WORKER_DEFAULTS.stalledInterval,
    maxStalledCount,
    ...(limiter ? { limiter: { max: limiter.max, duration: limiter.duration } } : {}),
  });
  worker.on('error', (err) => logger.error({ err, queue: name }, 'outbox: worker error'));
  // BullMQ fails such a job without calling the processor, so it would otherwise go uncounted.
  worker.on('failed', (job, err) => {
    if (err.message !== STALLED_TOO_OFTEN) return;
    void count('failed');
    logger.error(
      { jobId: job?.id, queue: name, maxStalledCount },
      `ALERT outbox-${channel}: a job stalled more than ${maxStalledCount} times; failed for good`,
    );
  });
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
