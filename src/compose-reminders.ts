import type { Redis } from 'ioredis';
import type { Clock } from './core/ports';
import type { UsageLog } from './core/usage';
import { dueReply } from './features/reminder-replies';
import type { Translate } from './i18n';
import type { Logger } from './logger';
import type { Outbox } from './queues/outbox';
import { queuePrefix } from './queues/outbox-keys';
import { ReminderQueue } from './queues/reminder-queue';
import { ReminderService } from './queues/reminder-service';
import { type ReminderWorkerHandle, startReminderWorker } from './queues/reminder-worker';
import { RedisReminderStore } from './storage/redis-reminder-store';

export interface RemindersWiring {
  readonly redis: Redis;
  /** REDIS_PREFIX ('dvc:') */
  readonly prefix: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly outbox: (channel: string) => Outbox | undefined;
  readonly t: Translate;
  readonly usage: UsageLog;
}

/** How often pending records are checked against their jobs (besides at start). */
export const RECONCILE_EVERY_MS = 5 * 60_000;

export interface Reminders extends ReminderService {
  /** the worker role: fires due reminders and reconciles records with jobs now and every few minutes */
  startWorker(redisUrl: string, options?: { reconcileEveryMs?: number }): Promise<void>;
  close(): Promise<void>;
}

/** The reminder records, their queue and the service over both, as compose.ts wires them. */
export function buildReminders(w: RemindersWiring): Reminders {
  const queue = new ReminderQueue(w.redis, queuePrefix(w.prefix), w.logger);
  const service = new ReminderService({
    store: new RedisReminderStore(w.redis, w.prefix),
    queue,
    outbox: w.outbox,
    render: (reminder) => dueReply(reminder, w.t),
    now: () => w.clock.now(),
    usage: w.usage,
    logger: w.logger,
  });
  let worker: ReminderWorkerHandle | undefined;
  let timer: NodeJS.Timeout | undefined;
  const reconcile = async () => {
    try {
      await service.reconcile();
    } catch (err) {
      w.logger.warn({ err }, 'reminders: reconciliation failed; it runs again later');
    }
  };
  return Object.assign(service, {
    async startWorker(redisUrl: string, options: { reconcileEveryMs?: number } = {}) {
      worker = startReminderWorker({
        url: redisUrl,
        prefix: queuePrefix(w.prefix),
        fire: async (id, at) => {
          await service.fire(id, at);
        },
        logger: w.logger,
      });
      await reconcile();
      timer = setInterval(reconcile, options.reconcileEveryMs ?? RECONCILE_EVERY_MS);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await worker?.close();
      await queue.close();
    },
  });
}
