import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { helpDays } from '../../src/core/help-log';
import type { UsageEvent, UsageSource } from '../../src/core/usage';
import { vietnamDay } from '../../src/core/vietnam-day';
import { createLogger, type Logger } from '../../src/logger';
import { buildReport, type ReportSources } from '../../src/stats/report';
import { connectAppRedis, createAppRedis } from '../../src/storage/redis-client';
import { RedisHelpLog } from '../../src/storage/redis-help-log';
import { keys, statsKeys } from '../../src/storage/redis-keys';
import { RedisUsageLog } from '../../src/storage/redis-usage-log';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { percentile, report, round } from './stats';
import {
  EVENTS_A_DAY,
  MESSAGES_A_DAY,
  PEOPLE_A_DAY,
  POPULATION,
  population,
  questionText,
  seeded,
  TOPICS,
  VILLAGES,
  writeYear,
} from './usage-year';

const bench = 'usage';
const SALT = 'bench-salt-0123456789abcdef';
/** STATS_RETENTION_DAYS's default (config.ts) */
const RETENTION_DAYS = 1100;
const TURNS = 20_000;
const WARM_UP_TURNS = 2_000;
/** turns sent before the loop yields, as a server handles a few messages per tick */
const TURNS_PER_TICK = 10;
const BURST_TURNS = 500;
const REPORT_RUNS = 7;
const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

/**
 * The usage log (storage/redis-usage-log.ts) on the app's fail-fast Redis client: (1) the synchronous
 * time of record() per event, and events/s until they are all in Redis; (2) a year of 50,000 events a day
 * written straight into the same keys, and buildReport over its 365 days; (3) Redis memory for that year.
 */
export async function benchUsage(redisUrl: string): Promise<void> {
  const admin = new Redis(redisUrl);
  const logger = createLogger('warn');
  // As the redis-server that `npm start` and docker-compose.yml run (see storage/redis-process.ts).
  await admin.config('SET', 'hash-max-listpack-value', '256');
  const app = createAppRedis(redisUrl, logger);
  await connectAppRedis(app);
  try {
    await recording(app, admin, logger);
    await year(app, admin, logger);
  } finally {
    app.disconnect();
    admin.disconnect();
  }
}

/** One resident's turn as the conversation counts it: the message, the question, the topic shown. */
function turnEvents(r: () => number, i: number): UsageEvent[] {
  const topic = TOPICS[i % TOPICS.length]!;
  const x = r();
  if (x < 0.8) {
    return [
      { kind: 'message' },
      { kind: 'question', result: 'answered', topic, band: x < 0.6 ? 'high' : 'medium' },
      { kind: 'topic', topic, from: 'question' },
    ];
  }
  if (x < 0.9) return [{ kind: 'message' }, { kind: 'question', result: 'clarified' }];
  return [{ kind: 'message' }, { kind: 'question', result: 'unanswered', text: questionText(i) }];
}

async function recording(app: Redis, admin: Redis, logger: Logger): Promise<void> {
  const prefix = 'ub1:';
  const log = new RedisUsageLog(app, prefix, { salt: SALT, retentionDays: RETENTION_DAYS, logger });
  const people = population((user) => log.personHash(user)).slice(0, PEOPLE_A_DAY);
  const r = seeded(1);
  const source = (): UsageSource => {
    const p = people[Math.floor(r() * people.length)]!;
    return { user: p.user, village: p.village };
  };
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const perTurn: number[] = [];
  let sent = 0;
  for (let i = 0; i < WARM_UP_TURNS + TURNS; i++) {
    const by = source();
    const events = turnEvents(r, i);
    const at = Date.now();
    const turnStart = performance.now();
    for (const event of events) {
      const t0 = performance.now();
      log.record(event, at, by);
      const ms = performance.now() - t0;
      if (i < WARM_UP_TURNS) continue;
      all.push(ms);
      const kind = event.kind === 'question' ? `question-${event.result}` : event.kind;
      const list = byKind.get(kind) ?? [];
      list.push(ms);
      byKind.set(kind, list);
    }
    if (i >= WARM_UP_TURNS) perTurn.push(performance.now() - turnStart);
    sent += events.length;
    if (i % TURNS_PER_TICK === TURNS_PER_TICK - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await app.ping();
  const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
  const s = sorted(all);
  const context = {
    turns: TURNS,
    events: all.length,
    people: PEOPLE_A_DAY,
    turn: '80 % message+question+topic, 10 % message+clarified, 10 % message+unanswered text',
    client: 'createAppRedis (no auto-pipelining, 1 s command timeout)',
  };
  report({ bench, metric: 'record_sync_p50_ms', value: round(percentile(s, 50), 4), unit: 'ms', context });
  report({
    bench,
    metric: 'record_sync_p99_ms',
    value: round(percentile(s, 99), 4),
    unit: 'ms',
    target: '<= 1',
    ok: percentile(s, 99) <= 1,
    context,
  });
  report({ bench, metric: 'record_sync_max_ms', value: round(s.at(-1) ?? 0, 3), unit: 'ms', context });
  const t = sorted(perTurn);
  report({
    bench,
    metric: 'turn_sync_p50_p99_ms',
    value: round(percentile(t, 99), 4),
    unit: 'ms',
    context: { p50: round(percentile(t, 50), 4), p99: round(percentile(t, 99), 4) },
  });
  for (const [kind, list] of byKind) {
    const k = sorted(list);
    report({
      bench,
      metric: `record_sync_p99_ms_${kind}`,
      value: round(percentile(k, 99), 4),
      unit: 'ms',
      context: { p50: round(percentile(k, 50), 4), events: k.length },
    });
  }

  // All at once: bursts of 500 turns, each awaited until Redis has answered every command of it.
  let burstEvents = 0;
  const t0 = performance.now();
  for (let b = 0; b < TURNS / BURST_TURNS; b++) {
    const at = Date.now();
    for (let i = 0; i < BURST_TURNS; i++) {
      const by = source();
      for (const event of turnEvents(r, i)) {
        log.record(event, at, by);
        burstEvents++;
      }
    }
    await app.ping();
  }
  const seconds = (performance.now() - t0) / 1000;
  sent += burstEvents;
  report({
    bench,
    metric: 'record_events_per_second',
    value: Math.round(burstEvents / seconds),
    unit: 'events/s',
    context: { events: burstEvents, burst_turns: BURST_TURNS, seconds: round(seconds, 2) },
  });
  const day = vietnamDay(Date.now());
  const [counters] = await log.counters([day]);
  const turns = WARM_UP_TURNS + 2 * TURNS;
  report({
    bench,
    metric: 'record_messages_lost',
    value: turns - (counters?.msg ?? 0),
    unit: 'messages',
    context: { sent_events: sent, messages_sent: turns, messages_counted: counters?.msg ?? 0 },
  });
  await deleteKeys(admin, prefix);
}

async function usedMemory(redis: Redis): Promise<number> {
  const match = /^used_memory:(\d+)/m.exec(await redis.info('memory'));
  if (!match) throw new Error('no used_memory in INFO memory');
  return Number(match[1]);
}

/** MEMORY USAGE (every element sampled) of each key matching, summed by what the key is. */
async function memoryByKind(redis: Redis, pattern: string, kindOf: (key: string) => string) {
  const out = new Map<string, { keys: number; bytes: number }>();
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    const p = redis.pipeline();
    for (const key of found) p.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    const results = (await p.exec()) ?? [];
    found.forEach((key, i) => {
      const kind = kindOf(key);
      const entry = out.get(kind) ?? { keys: 0, bytes: 0 };
      entry.keys++;
      entry.bytes += Number(results[i]?.[1] ?? 0);
      out.set(kind, entry);
    });
  } while (cursor !== '0');
  return out;
}

async function year(app: Redis, admin: Redis, logger: Logger): Promise<void> {
  const prefix = 'ub2:'; // as long as production's 'dvc:', so key names cost the same
  const logOptions = { salt: SALT, retentionDays: RETENTION_DAYS, logger };
  const log = new RedisUsageLog(app, prefix, logOptions);
  const helpLog = new RedisHelpLog(app, prefix);
  const now = Date.now();
  const days = helpDays(vietnamDay(now - 364 * DAY_MS), vietnamDay(now));
  await admin.call('MEMORY', 'PURGE');
  const before = await usedMemory(admin);
  const t0 = performance.now();
  const people = population((user) => log.personHash(user));
  const summary = await writeYear(admin, prefix, days, RETENTION_DAYS, people, helpLog);
  const after = await usedMemory(admin);
  const method =
    'pipelined HINCRBY/PFADD/ZADD/ZINCRBY/EXPIREAT straight into the usage log’s keys (statsKeys, ' +
    'core/usage-fields.ts names, same expiries), one pipeline per day; help sessions through RedisHelpLog';
  report({
    bench,
    metric: 'year_generated_seconds',
    value: round((performance.now() - t0) / 1000, 1),
    unit: 's',
    context: {
      days: days.length,
      events_a_day: EVENTS_A_DAY,
      events: summary.events,
      messages_a_day: MESSAGES_A_DAY,
      people_a_day: PEOPLE_A_DAY,
      population: POPULATION,
      villages: VILLAGES.length,
      topics: TOPICS.length,
      unanswered_kept_per_day: round(summary.distinctTexts.unanswered / days.length, 1),
      outside_kept_per_day: round(summary.distinctTexts.outside / days.length, 1),
      help_sessions: summary.helpSessions,
      method,
    },
  });

  const k = statsKeys(prefix);
  const kindOf = (key: string): string => {
    const name = key.slice(prefix.length);
    if (name === 'stats:seen') return 'seen';
    if (name.startsWith('stats:seen-trimmed:')) return 'seen_trimmed';
    return /^stats:(d|u:d|u:m|q):/.exec(name)?.[1]?.replace(':', '_') ?? 'other';
  };
  const stats = await memoryByKind(admin, k.pattern(), kindOf);
  const help = await memoryByKind(admin, keys(prefix).helpDay('*'), () => 'help');
  const statsBytes = [...stats.values()].reduce((n, e) => n + e.bytes, 0);
  report({
    bench,
    metric: 'year_used_memory_mb',
    value: round((after - before) / MB, 1),
    unit: 'MB',
    context: { used_memory_before: before, used_memory_after: after, includes: 'stats and help keys' },
  });
  report({
    bench,
    metric: 'year_stats_keys_memory_usage_mb',
    value: round(statsBytes / MB, 1),
    unit: 'MB',
    context: {
      keys: [...stats.values()].reduce((n, e) => n + e.keys, 0),
      ...Object.fromEntries(
        [...stats].flatMap(([kind, e]) => [
          [`${kind}_keys`, e.keys],
          [`${kind}_mb`, round(e.bytes / MB, 2)],
        ]),
      ),
      help_keys: help.get('help')?.keys ?? 0,
      help_mb: round((help.get('help')?.bytes ?? 0) / MB, 2),
    },
  });

  const topicGroups = { [TOPICS[0]!]: 'truc-tuyen', [TOPICS[1]!]: 'buu-chinh' };
  const src: ReportSources = { usage: log, helpLog, topicGroups };
  const from = `${days[0]!.slice(0, 4)}-${days[0]!.slice(4, 6)}-${days[0]!.slice(6)}`;
  const to = `${days.at(-1)!.slice(0, 4)}-${days.at(-1)!.slice(4, 6)}-${days.at(-1)!.slice(6)}`;
  // The app's client fails a command after 1 s: a report that slow is an error, counted here.
  const failures: string[] = [];
  const attempt = async (): Promise<number | undefined> => {
    const t = performance.now();
    try {
      await buildReport(src, from, to);
      return performance.now() - t;
    } catch (err) {
      failures.push(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  };
  const firstMs = await attempt();
  const runs: number[] = [];
  for (let i = 0; i < REPORT_RUNS; i++) {
    const ms = await attempt();
    if (ms !== undefined) runs.push(ms);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const first = await buildReport({ ...src, usage: new RedisUsageLog(admin, prefix, logOptions) }, from, to);
  report({
    bench,
    metric: 'report_365_days_ms',
    value: Math.round(sorted[0] ?? Number.NaN),
    unit: 'ms (best)',
    target: '<= 1000',
    ok: (sorted[0] ?? Number.POSITIVE_INFINITY) <= 1000 && failures.length === 0,
    context: {
      runs: REPORT_RUNS,
      median_ms: Math.round(percentile(sorted, 50)),
      worst_ms: Math.round(sorted.at(-1) ?? Number.NaN),
      first_run_after_generation_ms: firstMs === undefined ? 'failed' : Math.round(firstMs),
      failed_runs: failures.length,
      failures: [...new Set(failures)].join('; '),
      messages: first.messages.received,
      asked: first.questions.asked,
      residents: first.residents.unique,
      unanswered_listed: first.unanswered.length,
      daily_rows: first.daily.length,
      monthly_rows: first.monthly.length,
    },
  });
  await parts(src, days);
  await deleteKeys(admin, prefix);
}

/** Where a report's time goes: each read it makes, alone (best of 3). */
async function parts(src: ReportSources, days: readonly string[]): Promise<void> {
  const reads: [string, () => Promise<unknown>][] = [
    ['counters', () => src.usage.counters(days)],
    ['unique_per_day', () => src.usage.uniquePerDay(days)],
    ['help_totals', () => src.helpLog.totals(days[0]!, days.at(-1)!)],
    ['texts_unanswered', () => src.usage.texts('unanswered', days, 30)],
    ['texts_outside', () => src.usage.texts('outside', days, 30)],
    ['unique_all', () => src.usage.unique({ all: true }, days)],
  ];
  for (const [name, read] of reads) {
    let best = Number.POSITIVE_INFINITY;
    let failed = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      try {
        await read();
        best = Math.min(best, performance.now() - t);
      } catch {
        failed++;
      }
    }
    report({
      bench,
      metric: `report_part_${name}_ms`,
      value: round(best, 1),
      unit: 'ms (best of 3)',
      ...(failed ? { context: { failed } } : {}),
    });
  }
}
