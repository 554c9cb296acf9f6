import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { DELIVERY_RECORD_SECONDS } from './outbox-deliveries';
import { assertJobId, OUTBOX_JOB_NAME, type OutboxJobData, validateOutboxJob } from './outbox-job';
import { assertQueuePrefix, type OutboxChannel, outboxKeys, outboxQueueName } from './outbox-keys';
import { reservePacingSlot } from './outbox-pacing';

export interface OutboxOptions {
  /** BullMQ prefix without the trailing ':' (REDIS_PREFIX 'dvc:' → 'dvc'; see queuePrefix) */
  readonly prefix: string;
  /** least time between two messages to the same chat; default 1000 (Telegram: ~1 message/s per chat) */
  readonly perChatIntervalMs?: number;
  /** first retry delay, doubled on each further attempt; default 2000 */
  readonly backoffMs?: number;
  /** where connection errors of the queue go; they also reject enqueue() */
  readonly logger?: Logger;
}

export const OUTBOX_ATTEMPTS = 6;
const DAY_SECONDS = 24 * 60 * 60;

/** Producer side of a channel's outbox: proactive messages go here, never straight to a platform. */
export class Outbox {
  private readonly queue: Queue;
  private readonly prefix: string;
  private readonly perChatIntervalMs: number;
  private readonly backoffMs: number;

  /** `connection` is the caller's producer client (fail-fast settings); close() leaves it open. */
  constructor(
    private readonly connection: Redis,
    readonly channel: OutboxChannel,
    options: OutboxOptions,
  ) {
    assertQueuePrefix(options.prefix);
    this.prefix = options.prefix;
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.backoffMs = options.backoffMs ?? 2000;
    this.queue = new Queue(outboxQueueName(channel), { connection, prefix: options.prefix });
    // Without a listener an 'error' event would crash the process.
    this.queue.on('error', (err) => options.logger?.warn({ err, channel }, 'outbox queue error'));
  }

  /**
   * Adds one message. `jobId` must be deterministic (e.g. `rem-<id>`): adding an id that is already
   * queued does nothing, so a retried or restarted caller never sends twice.
   */
  async enqueue(jobId: string, data: OutboxJobData, opts: { delayMs?: number } = {}): Promise<void> {
    assertJobId(jobId);
    const valid = validateOutboxJob(data);
    const delayMs = opts.delayMs ?? 0;
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`delayMs must be ≥ 0, got ${delayMs}`);
    const delay = await reservePacingSlot(
      this.connection,
      outboxKeys(this.prefix, this.channel).pace(valid.chatId),
      jobId,
      delayMs,
      this.perChatIntervalMs,
    );
    await this.queue.add(OUTBOX_JOB_NAME, valid, { jobId, delay, ...this.jobOptions() });
  }

  /**
   * Adds many messages at once (an announcement's page of recipients): one round trip, deterministic
   * ids as for enqueue, no per-chat pacing (each chat gets one message of the batch).
   */
  async enqueueMany(jobs: readonly { jobId: string; data: OutboxJobData }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map(({ jobId, data }) => {
        assertJobId(jobId);
        return {
          name: OUTBOX_JOB_NAME,
          data: validateOutboxJob(data),
          opts: { jobId, ...this.jobOptions() },
        };
      }),
    );
  }

  private jobOptions() {
    return {
      attempts: OUTBOX_ATTEMPTS,
      // Jitter spreads the retries of a broadcast that failed all at once.
      backoff: { type: 'exponential', delay: this.backoffMs, jitter: 0.5 },
      // As long as the delivery record: while either exists, this id does not send again.
      removeOnComplete: { age: DELIVERY_RECORD_SECONDS, count: 10_000 },
      removeOnFail: { age: 30 * DAY_SECONDS },
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
