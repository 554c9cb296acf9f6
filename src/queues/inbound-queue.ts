import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { INBOUND_JOB_NAME, type InboundJobData, inboundJobSchema } from './inbound-job';
import { INBOUND_SHARDS, inboundJobId, inboundQueueName, shardOf } from './inbound-keys';
import { assertQueuePrefix } from './outbox-keys';

export interface InboundQueueOptions {
  /** BullMQ prefix without the trailing ':' (see queuePrefix) */
  readonly prefix: string;
  readonly logger: Logger;
  readonly shards?: number;
}

const HOUR_SECONDS = 60 * 60;

const parseChat = (data: unknown): string | undefined => inboundJobSchema.safeParse(data).data?.chat;

/** Tries of one update: its handler already retries for minutes in place, these are for after that. */
export const INBOUND_ATTEMPTS = 3;

/**
 * The job options of every inbound update. A done job is removed at once: the resident's words do not
 * stay in Redis, and a later resend of the same update is recognised by the delivery pipeline's record
 * of handled ids. The handler retries what can get better itself, in place, so a chat's later updates
 * wait behind it instead of overtaking it; the queue's own retries (a process stopping while Redis is
 * away, minutes of outage) may let a later update of that chat go first.
 */
const JOB_OPTIONS = {
  attempts: INBOUND_ATTEMPTS,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: true,
  // Kept a day to look into (npm run … or redis-cli), then gone with the resident's words in it.
  removeOnFail: { age: 24 * HOUR_SECONDS, count: 1000 },
} as const;

/** Producer side of the inbound queues: webhooks and poll loops store updates here. */
export class InboundQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly shards: number;

  /** `connection` is the caller's producer client (fail-fast settings); close() leaves it open. */
  constructor(
    private readonly connection: Redis,
    private readonly options: InboundQueueOptions,
  ) {
    assertQueuePrefix(options.prefix);
    this.shards = options.shards ?? INBOUND_SHARDS;
  }

  /**
   * Opens a channel's queues now, while Redis answers: BullMQ reads Redis's version when a queue is
   * made, and a queue made while Redis is frozen or away stays broken for good.
   */
  async open(channel: string): Promise<void> {
    const queues = Array.from({ length: this.shards }, (_, shard) =>
      this.queue(inboundQueueName(channel, shard)),
    );
    await Promise.all(queues.map((queue) => queue.waitUntilReady()));
  }

  /** Resolves once the update is stored in Redis; rejects when it could not be (Redis away). */
  async add(channel: string, chat: string, updateId: string, data: InboundJobData): Promise<void> {
    const queue = this.queue(inboundQueueName(channel, shardOf(chat, this.shards)));
    await queue.add(INBOUND_JOB_NAME, data, { jobId: inboundJobId(updateId), ...JOB_OPTIONS });
  }

  /**
   * Removes the failed updates of one chat (kept a day to look into, with the resident's words in them).
   * Waiting and retrying ones stay: they are still to be answered.
   */
  async forget(channel: string, chat: string): Promise<number> {
    const queue = this.queue(inboundQueueName(channel, shardOf(chat, this.shards)));
    const failed = await queue.getFailed();
    const theirs = failed.filter((job) => parseChat(job.data) === chat);
    await Promise.all(theirs.map((job) => job.remove()));
    return theirs.length;
  }

  /** Updates of `channel` stored and not yet handled (waiting or in hand). */
  async pending(channel: string): Promise<number> {
    let total = 0;
    for (let shard = 0; shard < this.shards; shard++) {
      const counts = await this.queue(inboundQueueName(channel, shard)).getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      total += Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    return total;
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.options.prefix });
      // Without a listener an 'error' event would crash the process.
      queue.on('error', (err) => this.options.logger.warn({ err, queue: name }, 'inbound queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
