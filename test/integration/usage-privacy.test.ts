import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { statsKeys } from '../../src/storage/redis-keys';
import { createTestBot } from '../helpers/test-bot';

const bot = createTestBot();
afterAll(() => bot.close());

const TELEGRAM_ID = '987654321';
const WEB_ID = 'visitor-abc123';
const ZALO_ID = '5566778899001122334';
const PHONE = '0912345678';
const CCCD = '001203004567';

/** What no statistics key may hold in any form we can read out of Redis. */
const FORBIDDEN = [
  TELEGRAM_ID,
  WEB_ID,
  ZALO_ID,
  `telegram:${TELEGRAM_ID}`,
  `web:${WEB_ID}`,
  `zalo:${ZALO_ID}`,
  PHONE,
  PHONE.slice(1),
  '912 345 678',
  '912  345  678',
  CCCD,
  CCCD.slice(3),
];

interface Found {
  /** every readable string: key names, hash fields and values, members, string values */
  readonly texts: string[];
  /** raw bytes (GET, DUMP), read as Latin-1 and UTF-8 */
  readonly raw: string[];
  readonly types: Set<string>;
}

/** Reads every key under `<prefix>stats:` every way Redis gives it out. */
async function scanStats(redis: Redis, prefix: string): Promise<Found> {
  const found: Found = { texts: [], raw: [], types: new Set() };
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', statsKeys(prefix).pattern(), 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      found.types.add(type);
      found.texts.push(key);
      const dump = await redis.dumpBuffer(key);
      if (dump) found.raw.push(dump.toString('latin1'), dump.toString('utf8'));
      if (type === 'string') {
        const value = await redis.getBuffer(key);
        if (value) found.raw.push(value.toString('latin1'), value.toString('utf8'));
      } else if (type === 'hash') {
        for (const [field, value] of Object.entries(await redis.hgetall(key))) found.texts.push(field, value);
      } else if (type === 'zset') {
        found.texts.push(...(await redis.zrange(key, 0, -1, 'WITHSCORES')));
      } else if (type === 'set') {
        found.texts.push(...(await redis.smembers(key)));
      } else if (type === 'list') {
        found.texts.push(...(await redis.lrange(key, 0, -1)));
      } else {
        throw new Error(`a statistics key of a type this scan does not read: ${key} (${type})`);
      }
    }
  } while (cursor !== '0');
  return found;
}

describe('statistics and privacy', () => {
  it('keep no resident id and no phone or ID number in any statistics key, and show questions masked', async () => {
    const t = bot.resident(TELEGRAM_ID, 'telegram');
    await t.start('thon-1');
    await t.say('lam giay khai sinh cho con');
    await t.press('👍');
    await t.say(`xyzzy thời tiết ngày mai thế nào, nhắn vào số ${PHONE} nhé`);
    bot.advance(24 * 3_600_000);
    await t.say('dừng');
    await t.say(`plugh xyzzy ${CCCD}`);

    const w = bot.resident(WEB_ID, 'web');
    await w.start();
    await w.say('đăng ký kết hôn');
    await w.press('👎');
    await w.say('qwerty số tôi +84 912 345 678');
    await w.say('qwerty số tôi 0912  345  678');

    const z = bot.resident(ZALO_ID, 'zalo');
    await z.start('thon-2');
    await z.say('chứng thực');
    await z.press('Chứng thực chữ ký');
    await z.say(`zzz wxyz ${CCCD.slice(0, 6)}\n${CCCD.slice(6)} sai`);
    await bot.redis.ping();

    const report = await bot.services.stats.reports.report('2026-11-27', '2026-11-28');
    // The conversations were counted: the scan below looks at real data.
    expect(report.residents.unique).toBe(3);
    expect(report.residents.byVillage).toEqual({ 'thon-1': 1, 'thon-2': 1 });
    // «đăng ký kết hôn» typed at the web chat's village question is answered, and counted.
    expect(report.questions).toEqual({ asked: 8, answered: 2, clarified: 1, unanswered: 4, outOfScope: 1 });
    expect(report.topics.map((x) => x.topic).sort()).toEqual(['chung-thuc-chu-ky', 'ket-hon', 'khai-sinh']);
    expect(report.feedback).toEqual({ up: 1, down: 1 });
    expect(report.unanswered).toEqual([
      { text: 'plugh xyzzy *********567', count: 1 },
      { text: 'qwerty số tôi ********678', count: 1 },
      { text: 'qwerty số tôi *******678', count: 1 },
      { text: 'zzz wxyz *********567 sai', count: 1 },
    ]);
    expect(report.outOfScope).toEqual([
      { text: 'xyzzy thời tiết ngày mai thế nào, nhắn vào số *******678 nhé', count: 1 },
    ]);
    const [, day2] = await bot.services.stats.usage.counters(['20261127', '20261128']);
    expect(day2?.['res:unsubscribed']).toBe(1);

    const found = await scanStats(bot.redis, bot.prefix);
    expect([...found.types].sort()).toEqual(['hash', 'string', 'zset']);
    expect(found.texts.length).toBeGreaterThan(50);
    for (const text of [...found.texts, ...found.raw]) {
      for (const secret of FORBIDDEN) expect(text, `«${secret}» in the statistics`).not.toContain(secret);
    }
    for (const text of found.texts) expect(text).not.toMatch(/(?:telegram|zalo|web):[A-Za-z0-9_-]/);
    const questionKeys = await bot.redis.keys(`${bot.prefix}stats:q:*`);
    expect(questionKeys.length).toBeGreaterThan(0);
    for (const key of questionKeys) {
      for (const question of await bot.redis.zrange(key, 0, -1)) {
        // No run of more than 3 digits, however it is spaced.
        expect(question).not.toMatch(/\d[\s.-]{0,2}\d[\s.-]{0,2}\d[\s.-]{0,2}\d/);
      }
    }
    // People appear only as salted hashes.
    const seen = await bot.redis.zrange(statsKeys(bot.prefix).seen(), 0, -1);
    expect(seen.sort()).toEqual(
      [t.user, w.user, z.user].map((u) => bot.services.stats.usage.personHash(u)).sort(),
    );
  });
});
