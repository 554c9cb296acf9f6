import { Redis, type RedisOptions } from 'ioredis';

/** Where a worker connects: a URL or ioredis options. */
export type WorkerConnectionOptions = RedisOptions | { readonly url: string };

/** A new connection for BullMQ workers, which need commands to wait through a reconnect (maxRetriesPerRequest null). */
export function openWorkerConnection(options: WorkerConnectionOptions): Redis {
  return 'url' in options && typeof options.url === 'string'
    ? new Redis(options.url, { maxRetriesPerRequest: null })
    : new Redis({ ...(options as RedisOptions), maxRetriesPerRequest: null });
}
