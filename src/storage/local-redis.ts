import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

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
  readonly logger: Logger;
}

/**
 * REDIS_URL if given; else a Redis already answering on the default address; else a private
 * redis-server as a child process, durable (AOF every second) under dataDir.
 */
export async function ensureRedis(o: EnsureRedisOptions): Promise<RedisEndpoint> {
  if (o.url) return { url: o.url };
  if (await answers(o.probeUrl)) return { url: o.probeUrl };
  return startPrivateRedis(o);
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
  mkdirSync(o.dataDir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        o.dataDir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch {
    throw new RedisUnavailableError(o.probeUrl);
  }
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 15_000);
    child.once('error', () => {
      clearTimeout(timer);
      reject(new RedisUnavailableError(o.probeUrl));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.removeAllListeners('exit');
  const url = `redis://127.0.0.1:${port}`;
  o.logger.info(
    { url, dataDir: o.dataDir },
    'Không thấy Redis ở %s: đã tự chạy redis-server riêng (dữ liệu ở %s).',
    o.probeUrl,
    o.dataDir,
  );
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
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
