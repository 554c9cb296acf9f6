import type { Redis } from 'ioredis';
import { type OutboxChannel, outboxKeys } from './outbox-keys';

/**
 * How long a delivery record is kept: as long as a job can still run again after it delivered. A job is
 * re-run when its worker dies or loses its lock before BullMQ's acknowledgement (back within seconds, or
 * when a worker next runs after an outage), when its acknowledgement fails, or when its id is enqueued
 * again. Retries by themselves last about a minute (6 attempts, backoff 2+4+8+16+32 s) plus any 429
 * waits; an outage of Redis or of every worker can last a weekend. Seven days covers all of these and
 * matches how long the Outbox keeps a completed job (during which BullMQ ignores the same id anyway).
 */
export const DELIVERY_RECORD_SECONDS = 7 * 24 * 60 * 60;

/** Which outbox jobs have delivered their message; a job id names one message (ARCHITECTURE §6). */
export interface OutboxDeliveries {
  wasDelivered(jobId: string): Promise<boolean>;
  /**
   * Records the delivery and counts it `sent` in one transaction, so that a job counted `sent` always
   * has its record and the re-run of a recorded job (`already_sent`) is never counted `sent` again.
   * `afterStall`: the job had stalled before (see OUTBOX_COUNT_FIELDS, `sent_after_stall`).
   */
  recordDelivered(jobId: string, afterStall: boolean): Promise<void>;
}

export function redisOutboxDeliveries(
  redis: Redis,
  prefix: string,
  channel: OutboxChannel,
  ttlSeconds = DELIVERY_RECORD_SECONDS,
): OutboxDeliveries {
  const keys = outboxKeys(prefix, channel);
  return {
    async wasDelivered(jobId) {
      return (await redis.exists(keys.sent(jobId))) === 1;
    },
    async recordDelivered(jobId, afterStall) {
      const tx = redis
        .multi()
        .set(keys.sent(jobId), new Date().toISOString(), 'EX', ttlSeconds)
        .hincrby(keys.counts, 'sent', 1);
      if (afterStall) tx.hincrby(keys.counts, 'sent_after_stall', 1);
      const replies = await tx.exec();
      if (!replies) throw new Error('delivery record: transaction aborted');
      const failed = replies.find(([err]) => err);
      if (failed?.[0]) throw failed[0];
    },
  };
}
