import type { Redis } from 'ioredis';
import {
  emptyHelpCounts,
  type HelpCounts,
  type HelpLog,
  type HelpSession,
  type HelpTotals,
  helpDays,
  helpSessionSchema,
} from '../core/help-log';
import { vietnamDay } from '../core/vietnam-day';
import { keys, type RedisKeys } from './redis-keys';

type Counter = keyof HelpCounts;
const COUNTERS: readonly Counter[] = ['sessions', 'online', 'postal', 'vneid'];

/** The counters a session adds one to: `sessions` and each question answered yes. */
function countersOf(s: HelpSession): Counter[] {
  return [
    'sessions',
    ...(s.filedOnline ? (['online'] as const) : []),
    ...(s.postalReturn ? (['postal'] as const) : []),
    ...(s.vneidActivated ? (['vneid'] as const) : []),
  ];
}

/** `online` → the total; `village:thon-2` → that village's sessions; `topic:vneid:vneid` → a topic's. */
const fieldName = (scope: string | undefined, counter: Counter): string =>
  scope === undefined ? counter : counter === 'sessions' ? scope : `${scope}:${counter}`;

function add(into: Record<string, HelpCounts>, key: string, counter: Counter, n: number): void {
  const counts = into[key] ?? emptyHelpCounts();
  counts[counter] += n;
  into[key] = counts;
}

/**
 * The help log as one small hash per Vietnamese day (ids of villages and topics have no ':', so the
 * fields read back unambiguously). A session is one MULTI of a few HINCRBYs; a report over a year reads
 * 366 hashes in one pipeline.
 */
export class RedisHelpLog implements HelpLog {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.keys = keys(prefix);
  }

  async record(session: HelpSession): Promise<void> {
    const s = helpSessionSchema.parse(session);
    const key = this.keys.helpDay(vietnamDay(s.at));
    const multi = this.redis.multi();
    for (const counter of countersOf(s)) {
      for (const scope of [undefined, `village:${s.village}`, `topic:${s.topic}`]) {
        multi.hincrby(key, fieldName(scope, counter), 1);
      }
    }
    const results = await multi.exec();
    for (const [error] of results ?? []) if (error) throw error;
  }

  async totals(from: string, to: string): Promise<HelpTotals> {
    const days = helpDays(from, to);
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(this.keys.helpDay(day));
    const results = (await pipeline.exec()) ?? [];
    const totals: HelpTotals = { from, to, ...emptyHelpCounts(), byVillage: {}, byTopic: {}, byDay: {} };
    results.forEach(([error, hash], i) => {
      if (error) throw error;
      const fields = Object.entries((hash ?? {}) as Record<string, string>);
      if (fields.length === 0) return;
      const day = days[i]!;
      for (const [field, raw] of fields) {
        const n = Number(raw);
        if (!Number.isFinite(n)) continue;
        const [scope, id, last] = field.split(':');
        const counter = (id === undefined ? scope : (last ?? 'sessions')) as Counter;
        if (!COUNTERS.includes(counter)) continue;
        if (id === undefined) {
          totals[counter] += n;
          add(totals.byDay, day, counter, n);
        } else if (scope === 'village') add(totals.byVillage, id, counter, n);
        else if (scope === 'topic') add(totals.byTopic, id, counter, n);
      }
    });
    return totals;
  }
}
