import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger';
import { assertQueuePrefix } from './outbox-keys';

/** Its own queue: a rate-limited outbox would not promote delayed jobs on time (ARCHITECTURE §6). */
export const REMINDERS_QUEUE = 'reminders';
export const REMINDER_JOB_NAME = 'fire';

/**
 * One job per (reminder, time): a snoozed reminder gets a new id, and the job of its old time finds the
 * record moved on and does nothing. Deterministic, so adding it twice (reconciliation, a retry) is one job.
 */
export const reminderJobId = (id: string, at: number): string => `rem-${id}-${at.toString(36)}`;

export const reminderJobSchema = z.object({ id: z.string().min(1).max(32), at: z.number().int().positive() });
export type ReminderJobData = z.infer<typeof reminderJobSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Producer side of the `reminders` queue: delayed jobs that wake the worker when a reminder is due. */
export class ReminderQueue {
  readonly queue: Queue;

  /** `connection` is the caller's client; close() leaves it open. */
  constructor(
    private readonly connection: Redis,
    prefix: string,
    logger?: Logger,
  ) {
    assertQueuePrefix(prefix);
    this.queue = new Queue(REMINDERS_QUEUE, { connection, prefix });
    this.queue.on('error', (err) => logger?.warn({ err }, 'reminders queue error'));
  }

  async schedule(id: string, at: number, now: number): Promise<void> {
    const jobId = reminderJobId(id, at);
    await this.queue.add(REMINDER_JOB_NAME, { id, at } satisfies ReminderJobData, {
      jobId,
      delay: Math.max(0, at - now),
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      // The id is free again once done; the record, not the job, says it was sent.
      removeOnComplete: true,
      removeOnFail: { age: (7 * DAY_MS) / 1000 },
    });
  }

  /** Best effort: a job left behind finds its record cancelled and does nothing. */
  async unschedule(id: string, at: number): Promise<void> {
    await this.queue.remove(reminderJobId(id, at)).catch(() => 0);
  }

  /**
   * For each (id, at): whether a job that will still run exists (delayed, waiting or active). A job that
   * failed for good counts as missing: reconciliation replaces it.
   */
  async live(items: readonly { id: string; at: number }[]): Promise<boolean[]> {
    if (items.length === 0) return [];
    const pipeline = this.connection.pipeline();
    for (const { id, at } of items) {
      const key = this.queue.toKey(reminderJobId(id, at));
      pipeline.exists(key);
      pipeline.hexists(key, 'finishedOn');
    }
    const results = (await pipeline.exec()) ?? [];
    return items.map((_, i) => {
      const [existsErr, exists] = results[2 * i] ?? [];
      const [finishedErr, finished] = results[2 * i + 1] ?? [];
      if (existsErr || finishedErr) throw existsErr ?? finishedErr;
      return exists === 1 && finished === 0;
    });
  }

  /** A job of this id that is finished (failed for good) blocks adding it again: remove it first. */
  async replace(id: string, at: number, now: number): Promise<void> {
    await this.queue.remove(reminderJobId(id, at)).catch(() => 0);
    await this.schedule(id, at, now);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
