import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { ensureRedis } from '../../src/storage/local-redis';
import { startMain } from '../helpers/main-process';
import { freePort } from '../helpers/redis-server';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Redis for npm start', () => {
  it('uses REDIS_URL when given', async () => {
    const url = inject('redisUrl');
    const endpoint = await ensureRedis({
      url,
      probeUrl: 'redis://127.0.0.1:1',
      dataDir: '/nonexistent',
      logger: createLogger('silent'),
    });
    expect(endpoint).toEqual({ url });
  });

  it('starts a private, durable redis-server when nothing answers, and stops it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dvc-data-'));
    dirs.push(dataDir);
    const port = await freePort();
    const endpoint = await ensureRedis({
      url: undefined,
      probeUrl: `redis://127.0.0.1:${port}`,
      dataDir,
      logger: createLogger('silent'),
    });
    expect(endpoint.stop).toBeDefined();
    const redis = new Redis(endpoint.url);
    expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    await redis.set('k', 'v');
    redis.disconnect();
    await endpoint.stop?.();
    expect(existsSync(join(dataDir, 'appendonlydir'))).toBe(true);
  });
});

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
