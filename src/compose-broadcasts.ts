import type { Redis } from 'ioredis';
import type { Clock } from './core/ports';
import type { UsageLog } from './core/usage';
import type { UserRef } from './core/user';
import { vietnamDay } from './core/vietnam-day';
import { announcementReply, progressReply } from './features/announcement-replies';
import type { Translate } from './i18n';
import type { Commune } from './knowledge/schema';
import type { Logger } from './logger';
import { BroadcastQueue, type BroadcastWorkerHandle, startBroadcastWorker } from './queues/broadcast-queue';
import { BroadcastService } from './queues/broadcast-service';
import type { Outbox } from './queues/outbox';
import { queuePrefix } from './queues/outbox-keys';
import { RedisBroadcastStore } from './storage/redis-broadcast-store';

export interface BroadcastsWiring {
  readonly redis: Redis;
  readonly prefix: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly outbox: (channel: string) => Outbox | undefined;
  readonly channels: () => readonly string[];
  readonly commune: () => Commune;
  readonly t: Translate;
  readonly dailyCap: number;
  readonly usage: UsageLog;
}

export interface Broadcasts extends BroadcastService {
  startWorker(redisUrl: string): void;
  /** with a resident's data: their daily counts */
  forget(user: UserRef): Promise<void>;
  close(): Promise<void>;
}

/** Announcements as compose.ts and the `broadcast` command wire them. */
export function buildBroadcasts(w: BroadcastsWiring): Broadcasts {
  const store = new RedisBroadcastStore(w.redis, w.prefix);
  const queue = new BroadcastQueue(w.redis, queuePrefix(w.prefix), w.logger);
  const service = new BroadcastService({
    store,
    queue,
    outbox: w.outbox,
    channels: w.channels,
    villages: () => w.commune().villages.map((v) => v.id),
    render: (b) => announcementReply(b, w.commune(), w.t),
    progress: (b, percent, tally) => progressReply(b, percent, tally, w.t),
    dailyCap: w.dailyCap,
    now: () => w.clock.now(),
    logger: w.logger,
    usage: w.usage,
  });
  let worker: BroadcastWorkerHandle | undefined;
  return Object.assign(service, {
    startWorker(redisUrl: string) {
      worker = startBroadcastWorker({
        url: redisUrl,
        prefix: queuePrefix(w.prefix),
        fanOut: (id) => service.fanOut(id),
        logger: w.logger,
      });
    },
    async forget(user: UserRef) {
      const now = w.clock.now();
      await store.forget(user, [vietnamDay(now), vietnamDay(now - 24 * 3600_000)]);
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  });
}
