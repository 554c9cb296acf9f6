import { keys } from '../storage/redis-keys';

export type OutboxChannel = string;

/** Queue names contain no ':' (ARCHITECTURE §6). */
export const outboxQueueName = (channel: OutboxChannel): string => `outbox-${channel}`;

const PREFIX = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * BullMQ joins its prefix and the queue name with ':' itself, so it wants `dvc`, while REDIS_PREFIX is
 * `dvc:`. The composition root converts once with this; everything in src/queues takes the bare form.
 */
export const queuePrefix = (redisPrefix: string): string => redisPrefix.replace(/:$/, '');

export function assertQueuePrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) {
    throw new TypeError(
      `queue prefix must be letters, digits, '-' or '_' without a trailing ':' (e.g. 'dvc'), got '${prefix}'`,
    );
  }
}

/**
 * Our own keys live under `<prefix>:outbox:<channel>:…`, outside the queue's `<prefix>:outbox-<channel>:…`
 * namespace, where BullMQ keeps one key per job id: a job called `counts` would otherwise collide.
 */
export const outboxKeys = (prefix: string, channel: OutboxChannel) => {
  const k = keys(`${prefix}:`);
  return {
    counts: k.outboxCounts(channel),
    pace: (chatId: string) => k.outboxPace(channel, chatId),
    /** delivery record of one job (queues/outbox-deliveries.ts) */
    sent: (jobId: string) => k.outboxSent(channel, jobId),
  };
};
