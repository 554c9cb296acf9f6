import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { DataDirInUseError, LOCK_FILE, readDataDirLock } from '../../src/storage/data-dir-lock';
import { type EnsureRedisOptions, ensureRedis } from '../../src/storage/local-redis';
import { isRunning, redisServersOn } from '../../src/storage/process-info';
import { startMain } from '../helpers/main-process';
import { freePort } from '../helpers/redis-server';
import { until } from '../helpers/until';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const silent = createLogger('silent');

function privateOptions(dataDir: string, probePort: number): EnsureRedisOptions {
  return {
    url: undefined,
    probeUrl: `redis://127.0.0.1:${probePort}`,
    dataDir,
    maxmemory: '64mb',
    logger: silent,
  };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-data-'));
  dirs.push(dir);
  return dir;
}

describe('Redis for npm start', () => {
  it('uses REDIS_URL when given', async () => {
    const url = inject('redisUrl');
    const endpoint = await ensureRedis({
      url,
      probeUrl: 'redis://127.0.0.1:1',
      dataDir: '/nonexistent',
      maxmemory: '256mb',
      logger: silent,
    });
    expect(endpoint).toEqual({ url });
  });

  it('starts a private, durable, capped redis-server when nothing answers, and stops it', async () => {
    const dataDir = tempDir();
    const endpoint = await ensureRedis(privateOptions(dataDir, await freePort()));
    expect(endpoint.stop).toBeDefined();
    const redis = new Redis(endpoint.url);
    expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    expect(await redis.config('GET', 'maxmemory')).toEqual(['maxmemory', String(64 * 1024 * 1024)]);
    await redis.set('k', 'v');
    redis.disconnect();
    const servers = redisServersOn(dataDir);
    expect(servers).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'redis-server.pid'), 'utf8').trim()).toBe(String(servers[0]));
    expect(readDataDirLock(dataDir)).toMatchObject({
      pid: process.pid,
      port: Number(new URL(endpoint.url).port),
    });
    await endpoint.stop?.();
    expect(existsSync(join(dataDir, 'appendonlydir'))).toBe(true);
    expect(redisServersOn(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, 'redis-server.pid'))).toBe(false);
  });

  it('refuses a second server on a folder whose app is running, naming its pid and the folder', async () => {
    const dataDir = tempDir();
    const first = await ensureRedis(privateOptions(dataDir, await freePort()));
    try {
      const second = ensureRedis(privateOptions(dataDir, await freePort()));
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(`(pid ${process.pid})`);
      await expect(second).rejects.toThrow(dataDir);
      expect(redisServersOn(dataDir)).toHaveLength(1);
      expect(readDataDirLock(dataDir)?.port).toBe(Number(new URL(first.url).port));
    } finally {
      await first.stop?.();
    }
  });

  it('takes over a stale lock and cleanly stops the redis-server its dead app left running', async () => {
    const dataDir = tempDir();
    const orphan = await startOrphan(dataDir);
    const old = new Redis(orphan.url);
    await old.set('written-before', 'yes');
    old.disconnect();
    const deadPid = await pidOfExitedProcess();
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid, port: orphan.port }));
    const endpoint = await ensureRedis(privateOptions(dataDir, await freePort()));
    try {
      expect(isRunning(orphan.pid)).toBe(false);
      const servers = redisServersOn(dataDir);
      expect(servers).toHaveLength(1);
      expect(servers[0]).not.toBe(orphan.pid);
      expect(readDataDirLock(dataDir)?.pid).toBe(process.pid);
      const redis = new Redis(endpoint.url);
      expect(await redis.get('written-before')).toBe('yes');
      redis.disconnect();
    } finally {
      await endpoint.stop?.();
    }
  });

  it('never signals a pid that is no longer what the lock or the pidfile names', async () => {
    const dataDir = tempDir();
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      // this test's own pid with another start time: the pid of a dead app, reused
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, port: 1, started: '1' }));
      writeFileSync(join(dataDir, 'redis-server.pid'), `${bystander.pid}\n`);
      const endpoint = await ensureRedis(privateOptions(dataDir, await freePort()));
      await endpoint.stop?.();
      expect(isRunning(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill('SIGKILL');
    }
  });
});

/** A redis-server on `dir` that no app owns, as an app killed by an older version left it. */
async function startOrphan(dir: string): Promise<{ pid: number; port: number; url: string }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  const url = `redis://127.0.0.1:${port}`;
  await until(async () => {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    const ok = await probe.ping().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    return ok;
  });
  writeFileSync(join(dir, 'redis-server.pid'), `${child.pid}\n`);
  return { pid: child.pid!, port, url };
}

async function pidOfExitedProcess(): Promise<number> {
  const child = spawn('true');
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('npm start (src/main.ts)', () => {
  it('serves the chat, reports ready, and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const app = startMain({
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `start${Date.now()}:`,
    });
    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
    expect(health.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const chat = await fetch(`http://127.0.0.1:${port}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'start' }),
    });
    expect(chat.status).toBe(200);
    expect(await app.stop()).toBe(0);
    expect(app.output()).toContain('shutting down');
  }, 60_000);

  it('stops with one clear message naming an invalid variable', async () => {
    const app = startMain({ PORT: 'abc', ROLE: 'boss' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT');
    expect(app.output()).toContain('ROLE');
  }, 30_000);
});
