import type { Redis } from 'ioredis';
import { type OutboxChannel, outboxKeys } from './outbox-keys';

export const OUTBOX_COUNT_FIELDS = [
  'sent',
  'already_sent',
  'sent_after_stall',
  'retried',
  'rate_limited',
  'blocked',
  'dropped',
  'failed',
] as const;
/**
 * sent: delivered, counted once per job together with its delivery record (queues/outbox-deliveries.ts)
 * · already_sent: a job ran again after it had delivered (its worker died or lost its lock before the
 * acknowledgement): not sent again, each one a duplicate avoided · sent_after_stall: of `sent`, those
 * delivered by a job that had stalled before (its worker died holding it): if that worker's send had
 * already reached the platform, this delivery is a duplicate no record can prevent, so this is an upper
 * bound on duplicates · retried: a failed attempt that will be tried again · rate_limited: the platform
 * said 429 (the job waits, no attempt used) · blocked: the resident blocked the bot · dropped: bad data or
 * a request the platform refused (never retried) · failed: a retryable error on the last attempt, or a job
 * that stalled more often than the worker's maxStalledCount.
 */
export type OutboxCountField = (typeof OUTBOX_COUNT_FIELDS)[number];
export type OutboxCounts = Record<OutboxCountField, number>;

export async function incrementOutboxCount(
  redis: Redis,
  prefix: string,
  channel: OutboxChannel,
  field: OutboxCountField,
): Promise<void> {
  await redis.hincrby(outboxKeys(prefix, channel).counts, field, 1);
}

export async function outboxCounts(
  redis: Redis,
  prefix: string,
  channel: OutboxChannel,
): Promise<OutboxCounts> {
  const raw = await redis.hgetall(outboxKeys(prefix, channel).counts);
  const counts = {} as OutboxCounts;
  for (const field of OUTBOX_COUNT_FIELDS) counts[field] = Number(raw[field] ?? 0);
  return counts;
}
