import { UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../logger';
import { assertQueuePrefix } from './outbox-keys';
import { REMINDERS_QUEUE, reminderJobSchema } from './reminder-queue';
import { openWorkerConnection } from './worker-connection';

export interface ReminderWorkerOptions {
  readonly url: string;
  /** BullMQ prefix without the trailing ':' */
  readonly prefix: string;
  /** hands the due reminder to its channel's outbox; a throw retries the job */
  readonly fire: (id: string, at: number) => Promise<void>;
  readonly logger: Logger;
  /** default 50: many reminders fall due at the same minute (8:00) */
  readonly concurrency?: number;
}

export interface ReminderWorkerHandle {
  readonly worker: Worker;
  close(): Promise<void>;
}

/** Wakes up when a reminder is due; the record decides whether anything is sent. */
export function startReminderWorker(options: ReminderWorkerOptions): ReminderWorkerHandle {
  assertQueuePrefix(options.prefix);
  const { logger } = options;
  const connection = openWorkerConnection({ url: options.url });
  connection.on('error', (err) => logger.warn({ err, queue: REMINDERS_QUEUE }, 'reminders: redis error'));
  const worker = new Worker(
    REMINDERS_QUEUE,
    async (job) => {
      const parsed = reminderJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid reminder job data');
      await options.fire(parsed.data.id, parsed.data.at);
    },
    {
      connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 50,
      // A worker killed mid-job: the job runs again within ~15 s; fire() is safe to run twice.
      lockDuration: 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 5,
    },
  );
  worker.on('error', (err) => logger.error({ err, queue: REMINDERS_QUEUE }, 'reminders: worker error'));
  worker.on('failed', (job, err) =>
    logger.warn({ jobId: job?.id, err, attempts: job?.attemptsMade }, 'reminders: firing failed'),
  );
  let closing: Promise<void> | undefined;
  return {
    worker,
    close: () => {
      closing ??= (async () => {
        await worker.close();
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}
