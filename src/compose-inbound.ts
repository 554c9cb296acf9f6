import type { Redis } from 'ioredis';
import {
  type ChannelAdapter,
  ChannelError,
  type DeliveryPipeline,
  type InboundQueue,
  RetryLaterError,
} from './core/channel';
import type { Clock } from './core/ports';
import { POLLED_UPDATE_RETRY, retrying } from './core/retry';
import type { UserRef } from './core/user';
import type { Logger } from './logger';
import { InboundQueues } from './queues/inbound-queue';
import { type InboundWorkersHandle, startInboundWorkers } from './queues/inbound-worker';
import { isRedisUnavailable } from './storage/redis-client';

export interface InboundOptions {
  /** the app's fail-fast client: a webhook learns at once that Redis is away */
  readonly redis: Redis;
  /** the workers open connections of their own */
  readonly redisUrl: string;
  /** BullMQ prefix without the trailing ':' */
  readonly prefix: string;
  readonly pipeline: DeliveryPipeline;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface Inbound extends InboundQueue {
  /** opens the queues of these channels (at start, while Redis answers) */
  open(adapters: Iterable<ChannelAdapter>): Promise<void>;
  /** starts the workers that handle the stored updates of these channels */
  startWorkers(adapters: Iterable<ChannelAdapter>): void;
  /** updates of a channel stored and not yet handled */
  pending(channel: string): Promise<number>;
  /** removes the resident's failed updates (their words), for «xóa dữ liệu của tôi» */
  forget(user: UserRef): Promise<void>;
  /** stops the workers (finishing the updates in hand), then the producer queues */
  close(): Promise<void>;
}

/** Worth trying again in place: Redis away, the update still in another worker's hands, the platform busy. */
function mendable(err: unknown): boolean {
  if (err instanceof RetryLaterError || isRedisUnavailable(err)) return true;
  return err instanceof ChannelError && (err.code === 'unavailable' || err.code === 'rate-limited');
}

/**
 * Webhooks and poll loops store each authenticated update and move on; workers (in the web role,
 * where the updates arrive) handle them through the delivery pipeline, one chat's updates in order.
 */
export function createInbound(o: InboundOptions): Inbound {
  const queues = new InboundQueues(o.redis, { prefix: o.prefix, logger: o.logger });
  const workers: InboundWorkersHandle[] = [];
  /** channels whose updates go through the queues (their adapters route) */
  const routed = new Set<string>();
  let stopping = false;

  async function handle(adapter: ChannelAdapter, raw: unknown, receivedAt: number): Promise<void> {
    await adapter.acknowledge?.(raw).catch(() => undefined);
    await retrying(() => o.pipeline.deliver(adapter, raw, receivedAt), {
      ...POLLED_UPDATE_RETRY,
      retryable: mendable,
      stopped: () => stopping,
      onRetry: (err, attempt, delayMs) =>
        o.logger.warn({ err, attempt, delayMs, channel: adapter.channel }, 'inbound update failed; retrying'),
    });
  }

  return {
    async accept(adapter, raw) {
      const route = adapter.route?.(raw);
      // Nothing to queue (a probe, another event): the parser logs and counts it, no reply is produced.
      if (!route) return o.pipeline.deliver(adapter, raw);
      try {
        await queues.add(adapter.channel, route.chat, route.id, {
          raw,
          receivedAt: o.clock.now(),
          chat: route.chat,
        });
        return 'stored';
      } catch (err) {
        if (isRedisUnavailable(err)) throw err;
        o.logger.warn({ err, channel: adapter.channel }, 'inbound: the update could not be stored');
        throw new RetryLaterError(`the update could not be stored: ${String(err)}`);
      }
    },
    async open(adapters) {
      for (const adapter of adapters) {
        if (!adapter.route) continue;
        routed.add(adapter.channel);
        await queues.open(adapter.channel);
      }
    },
    startWorkers(adapters) {
      for (const adapter of adapters) {
        if (!adapter.route) continue;
        routed.add(adapter.channel);
        workers.push(
          startInboundWorkers({
            connection: { url: o.redisUrl },
            channel: adapter.channel,
            prefix: o.prefix,
            handle: ({ raw, receivedAt }) => handle(adapter, raw, receivedAt),
            permanent: (err) => !mendable(err),
            logger: o.logger,
          }),
        );
      }
    },
    pending: (channel) => queues.pending(channel),
    async forget(user) {
      // Only channels whose updates are queued (route), and only the chat the resident wrote from.
      if (!routed.has(user.channel)) return;
      const removed = await queues.forget(user.channel, user.id);
      if (removed > 0) o.logger.info({ channel: user.channel, removed }, 'inbound: failed updates forgotten');
    },
    async close() {
      stopping = true;
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
    },
  };
}
