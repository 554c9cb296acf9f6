import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger';
import { assertQueuePrefix } from './outbox-keys';
import { openWorkerConnection } from './worker-connection';

/** Its own queue, as for reminders: a rate-limited outbox would not promote delayed jobs on time. */
export const BROADCASTS_QUEUE = 'broadcasts';
const JOB_NAME = 'fan-out';
const jobSchema = z.object({ id: z.string().min(1).max(32) });

/** One fan-out job per announcement, at its time; the id makes a second add a no-op. */
export const fanOutJobId = (id: string): string => `bc-${id}`;

export class BroadcastQueue {
  private readonly queue: Queue;

  constructor(connection: Redis, prefix: string, logger?: Logger) {
    assertQueuePrefix(prefix);
    this.queue = new Queue(BROADCASTS_QUEUE, { connection, prefix });
    this.queue.on('error', (err) => logger?.warn({ err }, 'broadcasts queue error'));
  }

  async schedule(id: string, at: number, now: number): Promise<void> {
    await this.queue.add(
      JOB_NAME,
      { id },
      {
        jobId: fanOutJobId(id),
        delay: Math.max(0, at - now),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

export interface BroadcastWorkerHandle {
  close(): Promise<void>;
}

/** Fans announcements out when they fall due; a crash part-way runs the job again, which adds no duplicate. */
export function startBroadcastWorker(o: {
  url: string;
  prefix: string;
  fanOut: (id: string) => Promise<void>;
  logger: Logger;
}): BroadcastWorkerHandle {
  assertQueuePrefix(o.prefix);
  const connection = openWorkerConnection({ url: o.url });
  connection.on('error', (err) => o.logger.warn({ err, queue: BROADCASTS_QUEUE }, 'broadcasts: redis error'));
  const worker = new Worker(
    BROADCASTS_QUEUE,
    async (job) => {
      const parsed = jobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid broadcast job data');
      await o.fanOut(parsed.data.id);
    },
    {
      connection,
      prefix: o.prefix,
      concurrency: 2,
      lockDuration: 30_000,
      stalledInterval: 5_000,
      maxStalledCount: 10,
    },
  );
  worker.on('error', (err) => o.logger.error({ err, queue: BROADCASTS_QUEUE }, 'broadcasts: worker error'));
  worker.on('failed', (job, err) => o.logger.warn({ jobId: job?.id, err }, 'broadcasts: fan-out failed'));
  let closing: Promise<void> | undefined;
  return {
    close: () => {
      closing ??= (async () => {
        await worker.close();
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}
