import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRedisUnavailable } from '../../src/storage/redis-client';
import { memoryUsage } from '../../src/storage/redis-health';
import { type PrivateRedis, startPrivateRedis } from '../helpers/redis-server';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** /readyz tells a load balancer the truth: Redis down, or Redis nearly out of memory. */

let redis: PrivateRedis;
let server: TestServer;
beforeAll(async () => {
  redis = await startPrivateRedis(['--maxmemory', '4mb', '--maxmemory-policy', 'noeviction']);
  server = await startTestServer({ redisUrl: redis.url });
});
afterAll(async () => {
  await server.close();
  await redis.stop();
});

describe('/readyz', () => {
  it('says ready while Redis has room, and 503 "nearly-full" once it is at 90 % of maxmemory', async () => {
    const first = await fetch(`${server.url}/readyz`);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, redis: 'up' });

    const filler = new Redis(redis.url);
    try {
      for (let i = 0; ; i++) {
        const used = memoryUsage(await filler.info('memory')) ?? 0;
        if (used >= 0.93) break;
        await filler.set(`filler:${i}`, 'x'.repeat(50_000)).catch(() => undefined);
        if (i > 1000) throw new Error('could not fill Redis');
      }
      const full = await fetch(`${server.url}/readyz`);
      expect(full.status).toBe(503);
      expect(await full.json()).toEqual({ ok: false, redis: 'nearly-full' });
      // A chat message still gets a clear answer, never a hang or a bare 500.
      const chat = await fetch(`${server.url}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'xin chào' }),
      });
      expect([200, 503]).toContain(chat.status);
    } finally {
      await filler.flushall();
      filler.disconnect();
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('what counts as "Redis cannot serve now"', () => {
  it('recognises timeouts, lost connections and a full Redis, also wrapped, and nothing else', () => {
    expect(isRedisUnavailable(new Error('Command timed out'))).toBe(true);
    expect(
      isRedisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isRedisUnavailable(new Error("OOM command not allowed when used memory > 'maxmemory'."))).toBe(
      true,
    );
    expect(isRedisUnavailable({ error: new Error('Connection is closed.') })).toBe(true);
    expect(isRedisUnavailable(new Error('x', { cause: new Error('Command timed out') }))).toBe(true);
    expect(isRedisUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isRedisUnavailable('Command timed out')).toBe(false);
  });

  it('reads the share of maxmemory in use, and nothing without a maxmemory', () => {
    expect(memoryUsage('used_memory:900\r\nmaxmemory:1000\r\n')).toBe(0.9);
    expect(memoryUsage('used_memory:900\r\nmaxmemory:0\r\n')).toBeUndefined();
  });
});
