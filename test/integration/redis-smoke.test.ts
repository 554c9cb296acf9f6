import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';

describe('test Redis', () => {
  const redis = new Redis(inject('redisUrl'), { lazyConnect: true });
  afterAll(async () => {
    await redis.del('dvc-test:smoke');
    redis.disconnect();
  });

  it('is a real Redis 7 that stores and expires keys', async () => {
    await redis.connect();
    const info = await redis.info('server');
    expect(info).toMatch(/redis_version:7\./);
    await redis.set('dvc-test:smoke', 'xin chào', 'PX', 50);
    expect(await redis.get('dvc-test:smoke')).toBe('xin chào');
    await new Promise((r) => setTimeout(r, 120));
    expect(await redis.get('dvc-test:smoke')).toBeNull();
  });
});
