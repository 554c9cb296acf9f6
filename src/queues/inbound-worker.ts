import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../logger';
import { type InboundJobData, parseInboundJob } from './inbound-job';
import { INBOUND_SHARDS, inboundQueueName } from './inbound-keys';
import { assertQueuePrefix } from './outbox-keys';
import { openWorkerConnection, type WorkerConnectionOptions } from './worker-connection';

/**
 * A dead process's update runs again after about lockDuration + stalledInterval (see the outbox worker
 * for how BullMQ finds stalled jobs): a resident waits ~15 s for the answer instead of a minute.
 */
export const INBOUND_WORKER_DEFAULTS = {
  lockDuration: 10_000,
  stalledInterval: 5000,
  maxStalledCount: 5,
} as const;

export interface InboundWorkerOptions {
  /** options for NEW connections owned by the workers (maxRetriesPerRequest is forced to null) */
  readonly connection: WorkerConnectionOptions;
  readonly channel: string;
  /** BullMQ prefix without the trailing ':' */
  readonly prefix: string;
  /**
   * handles one update, retrying in place what can get better (so the chat's next update waits); a
   * throw it gives up on is tried again by the queue a little later, up to INBOUND_ATTEMPTS in all
   */
  readonly handle: (data: InboundJobData) => Promise<void>;
  /** errors no retry will mend (a bug, a reply the platform refuses): the update fails at once */
  readonly permanent: (err: unknown) => boolean;
  readonly logger: Logger;
  readonly shards?: number;
}

export interface InboundWorkersHandle {
  /** stops taking updates, finishes those in hand, closes the connections */
  close(): Promise<void>;
}

/**
 * One worker per shard queue of a channel, each taking one job at a time; the queue's global
 * concurrency of 1 keeps that true with several processes, so a chat's updates never run side by side
 * or out of order.
 */
export function startInboundWorkers(options: InboundWorkerOptions): InboundWorkersHandle {
  const { channel, prefix, logger } = options;
  assertQueuePrefix(prefix);
  const connection = openWorkerConnection(options.connection);
  connection.on('error', (err) => logger.warn({ err, channel }, 'inbound: redis connection error'));
  const shards = options.shards ?? INBOUND_SHARDS;

  const process = async (job: Job): Promise<void> => {
    try {
      await options.handle(parseInboundJob(job.data));
    } catch (err) {
      if (err instanceof UnrecoverableError || !options.permanent(err)) throw err;
      throw new UnrecoverableError(err instanceof Error ? err.message : String(err));
    }
  };

  const queues: Queue[] = [];
  const workers: Worker[] = [];
  for (let shard = 0; shard < shards; shard++) {
    const name = inboundQueueName(channel, shard);
    const queue = new Queue(name, { connection, prefix });
    queue.on('error', (err) => logger.warn({ err, queue: name }, 'inbound: queue error'));
    // Set again by every process that starts: a Redis that lost it (flushed) gets it back.
    queue
      .setGlobalConcurrency(1)
      .catch((err: unknown) => logger.warn({ err, queue: name }, 'inbound: global concurrency not set'));
    queues.push(queue);
    const worker = new Worker(name, process, {
      connection,
      prefix,
      concurrency: 1,
      ...INBOUND_WORKER_DEFAULTS,
    });
    worker.on('error', (err) => logger.error({ err, queue: name }, 'inbound: worker error'));
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade < (job.opts.attempts ?? 1) && !(err instanceof UnrecoverableError)) {
        logger.warn({ err: err.message, jobId: job.id, queue: name }, 'inbound: update will be tried again');
        return;
      }
      logger.error(
        { err: err.message, jobId: job?.id, queue: name },
        `ALERT inbound-${channel}: an update could not be handled; the resident got no answer`,
      );
    });
    workers.push(worker);
  }

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        await Promise.all(workers.map((worker) => worker.close()));
        await Promise.all(queues.map((queue) => queue.close()));
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}
