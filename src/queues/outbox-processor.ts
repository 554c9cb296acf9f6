import { type Job, RateLimitError, UnrecoverableError } from 'bullmq';
import { ChannelError, type ChannelSender } from '../core/channel';
import type { Logger } from '../logger';
import type { OutboxCountField } from './outbox-counts';
import type { OutboxDeliveries } from './outbox-deliveries';
import { type OutboxJobData, parseOutboxJob } from './outbox-job';

export interface OutboxProcessorDeps {
  readonly sender: ChannelSender;
  readonly onBlocked: (userKey: string | undefined, chatId: string) => Promise<void>;
  readonly logger: Logger;
  /** queue.rateLimit of this channel's queue */
  readonly rateLimit: (ms: number) => Promise<void>;
  /** stops this worker taking jobs; must not wait for the job in hand (it is the caller) */
  readonly pause: () => Promise<void>;
  /** never throws: a counter must not turn a delivered message into a retry */
  readonly count: (field: OutboxCountField) => Promise<void>;
  /** delivery records: checked before a send, written (with the `sent` count) right after one */
  readonly deliveries: OutboxDeliveries;
  /**
   * The message will never go out (blocked, refused, or out of attempts), so whoever sent it can say so
   * (a reminder is marked failed). Never throws back: the job's outcome is already decided.
   */
  readonly onGaveUp?: (data: OutboxJobData, reason: 'blocked' | 'refused' | 'failed') => Promise<void>;
  /**
   * The message went out (its sender counts it); never throws back. Said again when a job re-runs after
   * its delivery was recorded (its worker may have died before saying it), so it must count once per job.
   */
  readonly onDelivered?: (data: OutboxJobData) => Promise<void>;
  /** false: not sent at all (an announcement cancelled after it was queued) */
  readonly stillWanted?: (data: OutboxJobData) => Promise<boolean>;
}

const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * Sends one outbox job and turns a channel's error into what BullMQ should do next (ARCHITECTURE §6).
 *
 * A job can run again after it delivered: its worker died (SIGKILL, OOM) or lost its lock before BullMQ
 * recorded the job complete. So the delivery is recorded before the processor returns, and a job whose
 * record exists completes without sending. What remains: a worker that dies after the platform took the
 * message and before the record is written leaves no trace of the send, and the next run sends it again.
 */
export function createOutboxProcessor(deps: OutboxProcessorDeps): (job: Job) => Promise<void> {
  const { sender, logger, count, deliveries } = deps;

  async function onSendError(err: unknown, job: Job, data: OutboxJobData): Promise<Error> {
    const log = { jobId: job.id, chatId: data.chatId, kind: data.kind, channel: sender.channel };
    if (err instanceof ChannelError && err.code === 'rate-limited') {
      // queue.rateLimit holds every worker of this queue; RateLimitError puts the job back in wait
      // without using an attempt.
      const ms = Math.max(1, Math.ceil(err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS));
      await deps.rateLimit(ms);
      await count('rate_limited');
      logger.warn({ ...log, retryAfterMs: ms }, 'outbox: rate limited by the platform');
      return new RateLimitError();
    }
    if (err instanceof ChannelError && err.code === 'blocked') {
      await deps.onBlocked(data.userKey, data.chatId);
      await count('blocked');
      await gaveUp(data, 'blocked');
      logger.info(log, 'outbox: the resident blocked the bot; marked inactive');
      return new UnrecoverableError('blocked');
    }
    if (err instanceof ChannelError && err.code === 'bad-request') {
      await count('dropped');
      await gaveUp(data, 'refused');
      logger.warn({ ...log, err }, 'outbox: the platform refused the message; dropped');
      return new UnrecoverableError(`bad-request: ${err.message}`);
    }
    if (err instanceof ChannelError && err.code === 'unauthorized') {
      // Every further send would fail the same way until someone fixes the token, so stop taking jobs
      // (the operator restarts the process or resumes the worker); this job is retried later.
      logger.error(
        { ...log, err },
        `ALERT outbox-${sender.channel}: the platform rejected the bot token; worker paused`,
      );
      await deps.pause();
    }
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await count(last ? 'failed' : 'retried');
    if (last) await gaveUp(data, 'failed');
    logger.warn({ ...log, err, attempt: job.attemptsMade + 1, last }, 'outbox: send failed');
    return err instanceof Error ? err : new Error(String(err));
  }

  async function gaveUp(data: OutboxJobData, reason: 'blocked' | 'refused' | 'failed'): Promise<void> {
    try {
      await deps.onGaveUp?.(data, reason);
    } catch (err) {
      logger.warn(
        { err, kind: data.kind, ref: data.ref, reason },
        'outbox: could not report a message given up',
      );
    }
  }

  return async (job) => {
    let data: OutboxJobData;
    try {
      data = parseOutboxJob(job.data);
    } catch (err) {
      await count('dropped');
      logger.error({ jobId: job.id, channel: sender.channel, err }, 'outbox: invalid job data; dropped');
      throw err;
    }
    const log = { jobId: job.id, chatId: data.chatId, kind: data.kind, channel: sender.channel };
    if (job.id !== undefined && (await wasDelivered(job, job.id))) {
      await count('already_sent');
      logger.info(log, 'outbox: already delivered by an earlier run of this job; not sent again');
      await delivered(data, log);
      return;
    }
    if (deps.stillWanted && !(await deps.stillWanted(data))) {
      await count('dropped');
      logger.info(log, 'outbox: no longer wanted (cancelled); not sent');
      return;
    }
    try {
      await sender.send(data.chatId, data.reply);
    } catch (err) {
      throw await onSendError(err, job, data);
    }
    await recordDelivered(job, log);
    await delivered(data, log);
  };

  async function delivered(data: OutboxJobData, log: Record<string, unknown>): Promise<void> {
    try {
      await deps.onDelivered?.(data);
    } catch (err) {
      logger.warn({ ...log, err }, 'outbox: could not report a delivered message');
    }
  }

  async function wasDelivered(job: Job, jobId: string): Promise<boolean> {
    try {
      return await deliveries.wasDelivered(jobId);
    } catch (err) {
      // Unknown whether it went out: retry later rather than risk sending it twice now.
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await count(last ? 'failed' : 'retried');
      logger.warn(
        { jobId, channel: sender.channel, err, last },
        'outbox: could not read the delivery record',
      );
      throw err;
    }
  }

  async function recordDelivered(job: Job, log: Record<string, unknown>): Promise<void> {
    if (job.id === undefined) {
      await count('sent');
      return;
    }
    try {
      await deliveries.recordDelivered(job.id, job.stalledCounter > 0);
    } catch (err) {
      // The message is out: throwing would retry it and send it again. Complete, and say so.
      await count('sent');
      logger.error(
        { ...log, err },
        'outbox: delivered, but the delivery record could not be written; completing the job anyway',
      );
    }
  }
}
