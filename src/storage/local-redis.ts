import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { acquireDataDirLock, readDataDirLock } from './data-dir-lock';
import { isRedisServerOn, isSameProcess, redisServersOn, terminate } from './process-info';
import { PID_FILE, type RedisServerProcess, startRedisServer } from './redis-process';

export class RedisUnavailableError extends Error {
  constructor(probed: string) {
    super(
      [
        `Không kết nối được Redis (${probed}) và máy này không có redis-server.`,
        'Cách có Redis: chạy `docker compose up -d redis`, hoặc cài: `sudo apt-get install redis-server`,',
        'hoặc đặt REDIS_URL=redis://máy-chủ:6379.',
      ].join('\n'),
    );
    this.name = 'RedisUnavailableError';
  }
}

export interface RedisEndpoint {
  readonly url: string;
  /** set when this process started its own redis-server */
  readonly stop?: () => Promise<void>;
}

export interface EnsureRedisOptions {
  readonly url: string | undefined;
  /** where to look when no URL is given */
  readonly probeUrl: string;
  readonly dataDir: string;
  /** memory cap of a private redis-server, e.g. 256mb (writes then fail instead of evicting keys) */
  readonly maxmemory: string;
  readonly logger: Logger;
}

/**
 * REDIS_URL if given; else a Redis already answering on the probe address; else a private
 * redis-server, durable (AOF every second) under dataDir, that stops when this process ends
 * (see redis-process.ts) and that no other app runs on the same folder (see data-dir-lock.ts).
 */
export async function ensureRedis(o: EnsureRedisOptions): Promise<RedisEndpoint> {
  if (o.url) return { url: o.url };
  if (await answers(o.probeUrl)) return { url: o.probeUrl };
  return startPrivateRedis(o);
}

/**
 * The Redis of the bot that runs on this machine, for command-line tools: REDIS_URL; else the one on the
 * probe address; else the private redis-server that `npm start` started under its data folder (its port
 * is in the folder's lock). undefined when none answers.
 */
export async function runningRedisUrl(o: {
  url: string | undefined;
  probeUrl: string;
  dataDir: string;
}): Promise<string | undefined> {
  if (o.url) return o.url;
  if (await answers(o.probeUrl)) return o.probeUrl;
  const lock = readDataDirLock(resolve(o.dataDir));
  if (!lock || !isSameProcess(lock.pid, lock.started)) return undefined;
  const url = `redis://127.0.0.1:${lock.port}`;
  return (await answers(url)) ? url : undefined;
}

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function startPrivateRedis(o: EnsureRedisOptions): Promise<RedisEndpoint> {
  const dataDir = resolve(o.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const lock = await acquireDataDirLock(dataDir, port);
  let server: RedisServerProcess;
  try {
    await stopOrphans(dataDir, o.logger);
    server = await startRedisServer({ port, dataDir, maxmemory: o.maxmemory, logger: o.logger });
  } catch (err) {
    lock.release();
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new RedisUnavailableError(o.probeUrl);
    throw err;
  }
  const url = `redis://127.0.0.1:${port}`;
  o.logger.info(
    { url, dataDir, maxmemory: o.maxmemory, pid: server.pid },
    'Không thấy Redis ở %s: đã tự chạy redis-server riêng (dữ liệu ở %s).',
    o.probeUrl,
    dataDir,
  );
  return {
    url,
    stop: async () => {
      await server.stop();
      lock.release();
    },
  };
}

/**
 * A redis-server still running on this folder belongs to an app that died without stopping it (or to
 * an older version of this program, which had no watchdog): stop it cleanly before starting ours, so
 * that one folder never has two servers writing its AOF. We hold the folder's lock here.
 */
async function stopOrphans(dataDir: string, logger: Logger): Promise<void> {
  const fromPidFile = Number.parseInt(readText(join(dataDir, PID_FILE)) ?? '', 10);
  const pids = new Set([...(Number.isInteger(fromPidFile) ? [fromPidFile] : []), ...redisServersOn(dataDir)]);
  for (const pid of pids) {
    if (!isRedisServerOn(pid, dataDir)) continue;
    logger.warn({ pid, dataDir }, 'redis-server cũ (pid %d) vẫn chạy trên %s: tắt nó trước.', pid, dataDir);
    const how = await terminate(pid, 15_000);
    if (how === 'SIGKILL')
      logger.error({ pid }, 'redis-server cũ (pid %d) không tự dừng: đã buộc dừng.', pid);
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
