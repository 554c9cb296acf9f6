import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { startAofPrivacy } from '../../src/storage/aof-privacy';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { type PrivateRedis, startPrivateRedis } from '../helpers/redis-server';
import { until } from '../helpers/until';

/** A resident's deleted words must leave Redis's append-only file on disk, not only its memory. */

let server: PrivateRedis;
let redis: Redis;
beforeAll(async () => {
  server = await startPrivateRedis(['--appendonly', 'yes', '--appendfsync', 'always']);
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

function aofText(): string {
  const dir = join(server.dir, 'appendonlydir');
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');
}

describe('deleted data on disk', () => {
  it('is gone from the AOF once the rewrite asked after a deletion has run', async () => {
    const prefix = 'aof:';
    const residents = new RedisResidentStore(redis, prefix);
    const user = { channel: 'telegram' as const, id: '777001' };
    const words = 'nha-toi-o-xom-bau-sen-phia-sau-truong';
    await residents.save(user, {
      session: { flow: { flow: 'onboarding', step: 0, data: { question: words }, expiresAt: 1 }, misses: 0 },
    });
    expect(aofText()).toContain(words);

    await residents.delete(user);
    expect(aofText()).toContain(words); // deleted from memory, still on disk
    const stop = startAofPrivacy(redis, prefix, createLogger('silent'));
    try {
      await until(
        async () =>
          /^aof_rewrite_in_progress:0/m.test(await redis.info('persistence')) && !aofText().includes(words),
        10_000,
      );
    } finally {
      stop();
    }
    expect(aofText()).not.toContain(words);
    expect(await redis.exists(`${prefix}privacy:aof-rewrite-due`)).toBe(0);
  });
});
