import { afterAll, describe, expect, it } from 'vitest';
import type { UniqueScope } from '../../src/core/usage';
import { vietnamDay } from '../../src/core/vietnam-day';
import { createLogger } from '../../src/logger';
import { createAppRedis } from '../../src/storage/redis-client';
import { statsKeys } from '../../src/storage/redis-keys';
import { RedisUsageLog, TEXT_RETENTION_DAYS, TEXTS_PER_DAY } from '../../src/storage/redis-usage-log';
import { freePort } from '../helpers/redis-server';
import {
  CHANNELS,
  expectedCounters,
  message,
  otherEvent,
  personOf,
  type Sent,
  timeOn,
  truePeople,
  withoutNew,
} from '../helpers/usage-events';
import { daysBetween, seededRandom, TEST_SALT, usageLogs, vietnamNoon } from '../helpers/usage-log';

const logs = usageLogs();
afterAll(() => logs.close());

const DAY_MS = 86_400_000;
const DAY_S = 86_400;

/**
 * Within 2 %, and never less than one person: below 50 people 2 % is under one, and Redis's estimator
 * is off by one there even without two people sharing a register (36 different people, each PFADD
 * changing the HyperLogLog, PFCOUNT 35).
 */
function expectWithin2Percent(estimate: number, truth: number, what: string): void {
  expect(Math.abs(estimate - truth), `${what}: ${estimate} for ${truth} people`).toBeLessThanOrEqual(
    Math.max(0.02 * truth, 1),
  );
}

/** Sends every event at once, round-robin over the logs (several connections: several processes). */
function recordAll(sent: readonly Sent[], on: readonly RedisUsageLog[]): void {
  sent.forEach((s, i) => {
    on[i % on.length]!.record(s.event, s.at, s.by);
  });
}

describe('counts and people', () => {
  it('counts 1,000 events sent at once exactly, and people within 2 % per day, month, channel and village', async () => {
    const { log, logs: four } = logs.open(undefined, 4);
    const r = seededRandom(20260331);
    const days = ['20260330', '20260331', '20260401', '20260402'];
    const people = Array.from({ length: 300 }, (_, i) => personOf(i));
    const pickDay = () => days[Math.floor(r() * days.length)]!;
    const sent: Sent[] = [
      ...people.map((p) => message(p, timeOn(pickDay(), r))),
      ...Array.from({ length: 700 }, () => {
        const p = people[Math.floor(r() * people.length)]!;
        const at = timeOn(pickDay(), r);
        return r() < 0.4 ? message(p, at) : otherEvent(r, p, at);
      }),
    ];
    recordAll(sent, four);
    await logs.settled();

    const counters = await log.counters(days);
    const expected = expectedCounters(sent, vietnamDay);
    days.forEach((day, i) => {
      expect(withoutNew(counters[i]!), day).toEqual(expected.get(day));
    });
    // Each person is new once, on whichever day their first message reached Redis.
    const total = (field: string) => counters.reduce((n, row) => n + (row[field] ?? 0), 0);
    expect(total('new')).toBe(300);
    for (const channel of CHANNELS) expect(total(`new:${channel}`)).toBe(100);

    const truth = truePeople(sent, vietnamDay);
    const scopes: UniqueScope[] = [
      { all: true },
      ...CHANNELS.map((channel) => ({ channel })),
      ...Array.from({ length: 7 }, (_, i) => ({ village: `thon-${i + 1}` })),
    ];
    const march = daysBetween('20260301', '20260331');
    const april = daysBetween('20260401', '20260430');
    for (const scope of scopes) {
      const name = JSON.stringify(scope);
      expectWithin2Percent(
        await log.unique(scope, days),
        truth(scope, () => true),
        `${name} over the 4 days`,
      );
      expectWithin2Percent(
        await log.unique(scope, march),
        truth(scope, (d) => d.startsWith('202603')),
        `${name} in March`,
      );
      expectWithin2Percent(
        await log.unique(scope, april),
        truth(scope, (d) => d.startsWith('202604')),
        `${name} in April`,
      );
      expectWithin2Percent(
        await log.unique(scope, [...march, ...april]),
        truth(scope, () => true),
        `${name} in March and April`,
      );
      for (const day of days) {
        expectWithin2Percent(
          await log.unique(scope, [day]),
          truth(scope, (d) => d === day),
          `${name} on ${day}`,
        );
      }
    }
    const perDay = await log.uniquePerDay(days);
    days.forEach((day, i) => {
      expectWithin2Percent(
        perDay[i]!,
        truth({ all: true }, (d) => d === day),
        `uniquePerDay ${day}`,
      );
    });
  });

  it('counts 20,000 different people within 2 %, and each of them new exactly once', {
    timeout: 90_000,
  }, async () => {
    const { log, logs: four } = logs.open(undefined, 4);
    const r = seededRandom(7);
    const days = ['20260511', '20260512'];
    const sent: Sent[] = [];
    for (let i = 0; i < 20_000; i++) {
      const p = personOf(10_000 + i);
      sent.push(message(p, timeOn(days[i % 2]!, r)));
      if (r() < 0.3) sent.push(message(p, timeOn(days[(i + 1) % 2]!, r)));
    }
    recordAll(sent, four);
    await logs.settled();

    const truth = truePeople(sent, vietnamDay);
    const may = daysBetween('20260501', '20260531');
    for (const scope of [{ all: true } as const, ...CHANNELS.map((channel) => ({ channel }))]) {
      const name = JSON.stringify(scope);
      expectWithin2Percent(
        await log.unique(scope, days),
        truth(scope, () => true),
        `${name}, 2 days`,
      );
      expectWithin2Percent(
        await log.unique(scope, may),
        truth(scope, () => true),
        `${name}, May`,
      );
      for (const day of days) {
        expectWithin2Percent(
          await log.unique(scope, [day]),
          truth(scope, (d) => d === day),
          `${name} ${day}`,
        );
      }
    }
    const perDay = await log.uniquePerDay(days);
    days.forEach((day, i) => {
      expectWithin2Percent(
        perDay[i]!,
        truth({ all: true }, (d) => d === day),
        `uniquePerDay ${day}`,
      );
    });
    const counters = await log.counters(days);
    expect(counters.reduce((n, row) => n + (row.new ?? 0), 0)).toBe(20_000);
    expect(counters.reduce((n, row) => n + (row.msg ?? 0), 0)).toBe(sent.length);
  });
});

describe('days and months in Asia/Ho_Chi_Minh', () => {
  it('puts 23:30 UTC on 31 March on 1 April, and splits the day between 16:59:59 and 17:00:00 UTC', async () => {
    const { log, prefix } = logs.open();
    const k = statsKeys(prefix);
    const a = personOf(1);
    const b = personOf(2);
    const c = personOf(3);
    const lastSecondOfMarch = Date.UTC(2026, 2, 31, 16, 59, 59); // 23:59:59 in Vietnam
    const firstSecondOfApril = Date.UTC(2026, 2, 31, 17, 0, 0); // 00:00:00 on 1 April in Vietnam
    const halfPastEleven = Date.UTC(2026, 2, 31, 23, 30); // 06:30 on 1 April in Vietnam
    for (const [p, at] of [
      [a, lastSecondOfMarch],
      [b, firstSecondOfApril],
      [c, halfPastEleven],
    ] as const) {
      log.record({ kind: 'message' }, at, { user: p.user, village: p.village });
      log.record({ kind: 'question', result: 'clarified' }, at, { user: p.user });
      log.record({ kind: 'question', result: 'unanswered', text: 'con trâu lạc' }, at, { user: p.user });
    }
    await logs.settled();

    const [march31, april1] = await log.counters(['20260331', '20260401']);
    const row = (people: readonly (typeof a)[]) => {
      const out: Record<string, number> = {};
      const add = (f: string) => {
        out[f] = (out[f] ?? 0) + 1;
      };
      for (const p of people) {
        for (const f of ['msg', `msg:${p.user.channel}`, 'new', `new:${p.user.channel}`]) add(f);
        if (p.village) add(`msg-village:${p.village}`);
        add('q:clarified');
        add('q:unanswered');
      }
      return out;
    };
    expect(march31).toEqual(row([a]));
    expect(april1).toEqual(row([b, c]));
    expect(await log.uniquePerDay(['20260331', '20260401'])).toEqual([1, 2]);
    expect(await log.unique({ all: true }, daysBetween('20260301', '20260331'))).toBe(1);
    expect(await log.unique({ all: true }, daysBetween('20260401', '20260430'))).toBe(2);
    expect(await log.unique({ channel: b.user.channel }, ['20260401'])).toBe(1);
    expect(await logs.redis.pfcount(k.uniqueMonth('202603', { all: true }))).toBe(1);
    expect(await logs.redis.pfcount(k.uniqueMonth('202604', { all: true }))).toBe(2);
    expect(await logs.redis.pfcount(k.uniqueDay('20260331', { channel: a.user.channel }))).toBe(1);
    expect(await logs.redis.zscore(k.texts('20260331', 'unanswered'), 'con trâu lạc')).toBe('1');
    expect(await logs.redis.zscore(k.texts('20260401', 'unanswered'), 'con trâu lạc')).toBe('2');
  });
});

describe('new residents', () => {
  it('counts a person new only the first time ever, and again after forget()', async () => {
    const { log, prefix } = logs.open();
    const k = statsKeys(prefix);
    const a = personOf(4);
    const b = personOf(5);
    const say = (p: typeof a, day: string, ms = 0) =>
      log.record({ kind: 'message' }, vietnamNoon(day, ms), { user: p.user, village: p.village });
    const days = ['20260610', '20260611', '20260702', '20260703'];
    const newOn = async () =>
      (await log.counters(days)).map((row) => [row.new ?? 0, row[`new:${a.user.channel}`] ?? 0]);

    say(a, '20260610');
    say(a, '20260610', 60_000);
    say(a, '20260611');
    say(b, '20260611');
    say(a, '20260702');
    await logs.settled();
    expect(await newOn()).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(await logs.redis.zscore(k.seen(), log.personHash(a.user))).toBe(String(dayOfNumber('20260702')));

    await log.forget(a.user);
    expect(await logs.redis.zscore(k.seen(), log.personHash(a.user))).toBeNull();
    expect(await logs.redis.zscore(k.seen(), log.personHash(b.user))).not.toBeNull();
    say(a, '20260703');
    say(b, '20260703');
    await logs.settled();
    expect((await newOn())[3]).toEqual([1, 1]);
  });
});

/** days since 1970-01-01 of a yyyymmdd day, worked out here rather than with the code under test */
const dayOfNumber = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6))) / DAY_MS;

describe('questions kept', () => {
  it('masks phone and ID numbers however they are spaced, groups by case and spaces, and cuts long ones', async () => {
    const { log, prefix } = logs.open();
    const day = '20260415';
    const by = { user: personOf(6).user };
    const ask = (text: string, result: 'unanswered' | 'outside' = 'unanswered') =>
      log.record({ kind: 'question', result, text }, vietnamNoon(day), by);
    for (const text of ['Làm  SỔ ĐỎ ở đâu', 'làm sổ đỏ ở đâu', '  làm sổ đỏ\tở đâu \n', 'LÀM SỔ ĐỎ Ở ĐÂU'])
      ask(text);
    ask('Gọi cho tôi 0912345678 nhé');
    ask('gọi cho tôi +84 912 345 678 nhé');
    ask('gọi cho tôi 0912  345  678 nhé');
    ask('gọi cho tôi 0912\u00a0345\u00a0678 nhé');
    ask('CCCD 001203004567 bị sai');
    ask('cccd 001203\n004567 bị sai');
    ask('cccd 001-203-004-567 bị sai');
    ask(`đường ${'rất '.repeat(100)}xa`);
    ask('mua xe máy cũ 0987654321', 'outside');
    await logs.settled();

    // Most asked first; equally often asked in Vietnamese order (đ after d, before e).
    expect(await log.texts('unanswered', [day], 50)).toEqual([
      { text: 'làm sổ đỏ ở đâu', count: 4 },
      { text: 'cccd *********567 bị sai', count: 3 },
      { text: 'gọi cho tôi *******678 nhé', count: 3 },
      { text: `đường ${'rất '.repeat(100)}xa`.slice(0, 200), count: 1 },
      { text: 'gọi cho tôi ********678 nhé', count: 1 },
    ]);
    expect(await log.texts('outside', [day], 50)).toEqual([{ text: 'mua xe máy cũ *******321', count: 1 }]);
    const stored = await logs.redis.zrange(statsKeys(prefix).texts(day, 'unanswered'), 0, -1);
    for (const text of stored) expect(text).not.toMatch(/\d\D{0,2}\d\D{0,2}\d\D{0,2}\d/);
  });

  it(`keeps at most TEXTS_PER_DAY (${TEXTS_PER_DAY}) different questions a day, the most asked ones`, async () => {
    const { log, prefix } = logs.open();
    const day = '20260416';
    const by = { user: personOf(7).user };
    const ask = (text: string) =>
      log.record({ kind: 'question', result: 'unanswered', text }, vietnamNoon(day), by);
    for (let i = 0; i < 3; i++) ask('hỏi nhiều lần');
    for (let i = 0; i < TEXTS_PER_DAY + 50; i++) ask(`câu hỏi lạ ${i}`);
    ask('hỏi nhiều lần');
    await logs.settled();
    expect(await logs.redis.zcard(statsKeys(prefix).texts(day, 'unanswered'))).toBe(TEXTS_PER_DAY);
    expect((await log.texts('unanswered', [day], 2))[0]).toEqual({ text: 'hỏi nhiều lần', count: 4 });
    const [counters] = await log.counters([day]);
    expect(counters?.['q:unanswered']).toBe(TEXTS_PER_DAY + 54);
  });
});

describe('retention', () => {
  /** epoch seconds at the end of a Vietnamese day, plus whole days */
  const endOfDay = (day: string, plusDays: number) =>
    (Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6)) + 1) -
      7 * 3_600_000) /
      1000 +
    plusDays * DAY_S;

  it('keeps the questions’ texts at most TEXT_RETENTION_DAYS, the counts for the whole retention', async () => {
    const { log, prefix } = logs.open(1000);
    const at = Date.now();
    const day = vietnamDay(at);
    log.record({ kind: 'question', result: 'unanswered', text: 'con bò lạc' }, at, {
      user: personOf(1).user,
    });
    await logs.settled();
    const k = statsKeys(prefix);
    expect(Number(await logs.redis.call('EXPIRETIME', k.texts(day, 'unanswered')))).toBe(
      endOfDay(day, TEXT_RETENTION_DAYS),
    );
    expect(Number(await logs.redis.call('EXPIRETIME', k.day(day)))).toBe(endOfDay(day, 1000));
  });

  it('gives every statistics key an expiry: days retention days after the day, months after the month', async () => {
    const retention = 40;
    const { log, prefix } = logs.open(retention);
    const now = Date.now();
    for (const at of [now - 2 * DAY_MS, now - DAY_MS, now]) {
      for (const i of [8, 9, 10]) {
        const p = personOf(i);
        const by = { user: p.user, village: p.village };
        log.record({ kind: 'message' }, at, by);
        log.record({ kind: 'question', result: 'unanswered', text: 'con trâu lạc' }, at, by);
        log.record({ kind: 'question', result: 'outside', text: 'mua xe' }, at, by);
        log.record({ kind: 'reminder', what: 'sent' }, at);
      }
    }
    await logs.settled();

    const found = new Set<string>();
    const keys = await logs.redis.keys(statsKeys(prefix).pattern());
    for (const key of keys) {
      const name = key.slice(prefix.length);
      const expireAt = Number(await logs.redis.call('EXPIRETIME', key));
      const [, kind, day] = /^(stats:(?:d|u:d|q)):(\d{8})(?::|$)/.exec(name) ?? [];
      const month = /^stats:u:m:(\d{6}):/.exec(name)?.[1];
      if (kind && day) {
        found.add(kind);
        const kept = kind === 'stats:q' ? Math.min(retention, TEXT_RETENTION_DAYS) : retention;
        expect(expireAt, name).toBe(endOfDay(day, kept));
      } else if (month) {
        found.add('stats:u:m');
        const nextMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4)), 1));
        const lastDay = new Date(nextMonth.getTime() - DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
        expect(expireAt, name).toBe(endOfDay(lastDay, retention));
      } else if (name.startsWith('stats:seen-trimmed:')) {
        found.add('stats:seen-trimmed');
        expect(await logs.redis.ttl(key), name).toBeGreaterThan(0);
        expect(await logs.redis.ttl(key), name).toBeLessThanOrEqual(25 * 3600);
      } else if (name === 'stats:seen') {
        found.add(name);
        // no expiry: trimmed of people not seen within the retention instead (next test)
        expect(expireAt).toBe(-1);
      } else {
        throw new Error(`a statistics key this test does not know: ${name}`);
      }
    }
    expect([...found].sort()).toEqual(
      ['stats:d', 'stats:q', 'stats:seen', 'stats:seen-trimmed', 'stats:u:d', 'stats:u:m'].sort(),
    );
  });

  it('trims people not seen within the retention from the seen set, who then count as new again', async () => {
    const retention = 31;
    const { log, prefix } = logs.open(retention);
    const k = statsKeys(prefix);
    const [a, b, c] = [personOf(11), personOf(12), personOf(13)];
    const start = Date.now() + DAY_MS;
    const say = (p: typeof a, days: number) =>
      log.record({ kind: 'message' }, start + days * DAY_MS, { user: p.user, village: p.village });
    const isSeen = async (p: typeof a) =>
      (await logs.redis.zscore(k.seen(), log.personHash(p.user))) !== null;

    say(a, 0);
    say(b, retention);
    await logs.settled();
    expect(await isSeen(a)).toBe(true);

    say(c, retention + 1);
    await logs.settled();
    expect([await isSeen(a), await isSeen(b), await isSeen(c)]).toEqual([false, true, true]);

    say(a, retention + 1);
    await logs.settled();
    const [last] = await log.counters([vietnamDay(start + (retention + 1) * DAY_MS)]);
    expect(last?.new).toBe(2);
  });
});

describe('when Redis is down', () => {
  it('records without throwing, rejecting or waiting, and says so in the log once', async () => {
    const lines: string[] = [];
    const logger = createLogger('warn', { write: (line: string) => void lines.push(line) });
    const redis = createAppRedis(`redis://127.0.0.1:${await freePort()}`, logger);
    const log = new RedisUsageLog(redis, 'usage-down:', { salt: TEST_SALT, retentionDays: 400, logger });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const r = seededRandom(3);
      const recordSome = () => {
        for (let i = 0; i < 50; i++) {
          const p = personOf(i);
          const s = i % 2 === 0 ? message(p, Date.now()) : otherEvent(r, p, Date.now());
          const t0 = performance.now();
          expect(log.record(s.event, s.at, s.by)).toBeUndefined();
          expect(performance.now() - t0).toBeLessThan(50);
        }
      };
      recordSome(); // before the first connection attempt
      await new Promise((resolve) => setTimeout(resolve, 300));
      recordSome(); // while reconnecting
      await new Promise((resolve) => setTimeout(resolve, 1500));
      redis.disconnect();
      recordSome(); // on a closed client
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
      expect(lines.filter((l) => l.includes('a usage event was not recorded'))).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      redis.disconnect();
    }
  });
});
