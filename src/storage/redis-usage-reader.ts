import type { Redis } from 'ioredis';
import type { UniqueScope, UsageReader } from '../core/usage';
import { monthsCovering } from '../core/usage-days';
import { statsKeys } from './redis-keys';

/** What reports read of the usage log (storage/redis-usage-log.ts writes it), on a connection of their own. */
export class RedisUsageReader implements UsageReader {
  protected readonly k: ReturnType<typeof statsKeys>;

  constructor(
    private readonly reader: Redis,
    prefix: string,
  ) {
    this.k = statsKeys(prefix);
  }

  async counters(days: readonly string[]): Promise<Record<string, number>[]> {
    const p = this.reader.pipeline();
    for (const day of days) p.hgetall(this.k.day(day));
    const results = (await p.exec()) ?? [];
    return results.map(([error, hash]) => {
      if (error) throw error;
      const out: Record<string, number> = {};
      for (const [field, raw] of Object.entries((hash ?? {}) as Record<string, string>)) {
        const n = Number(raw);
        if (Number.isFinite(n)) out[field] = n;
      }
      return out;
    });
  }

  async unique(scope: UniqueScope, days: readonly string[]): Promise<number> {
    if (days.length === 0) return 0;
    // A whole month's HyperLogLog is the union of its days' (the same registers), so whole months are
    // read from the month key: a year is 12 keys instead of 365.
    const { months, rest } = monthsCovering(days);
    const sources = [
      ...months.map((m) => this.k.uniqueMonth(m, scope)),
      ...rest.map((d) => this.k.uniqueDay(d, scope)),
    ];
    return this.reader.pfcount(sources);
  }

  async uniquePerDay(days: readonly string[]): Promise<number[]> {
    const p = this.reader.pipeline();
    for (const day of days) p.pfcount(this.k.uniqueDay(day, { all: true }));
    const results = (await p.exec()) ?? [];
    return results.map(([error, n]) => {
      if (error) throw error;
      return Number(n);
    });
  }

  async texts(
    result: 'unanswered' | 'outside',
    days: readonly string[],
    limit: number,
  ): Promise<{ text: string; count: number }[]> {
    // Redis sums each month's days (ZUNION): a year is 12 replies of a month's different questions, not
    // 365 of every day's. At 50,000 events a day those were ~300,000 entries, whose parsing outlasted the
    // app client's 1 s command timeout and failed the year's report (scripts/bench/usage.ts).
    const byMonth = new Map<string, string[]>();
    for (const day of days) {
      const month = byMonth.get(day.slice(0, 6)) ?? [];
      month.push(this.k.texts(day, result));
      byMonth.set(day.slice(0, 6), month);
    }
    const p = this.reader.pipeline();
    for (const keys of byMonth.values()) p.zunion(keys.length, ...keys, 'WITHSCORES');
    const results = (await p.exec()) ?? [];
    const counts = new Map<string, number>();
    for (const [error, flat] of results) {
      if (error) throw error;
      const list = flat as string[];
      for (let i = 0; i + 1 < list.length; i += 2) {
        const text = list[i]!;
        counts.set(text, (counts.get(text) ?? 0) + Number(list[i + 1]));
      }
    }
    // Ordering a year's long tail (some 20,000 questions, most asked as often as many others) by text in
    // Vietnamese took hundreds of ms; only those asked at least as often as the limit-th can be listed.
    const least = [...counts.values()].sort((a, b) => b - a)[limit - 1] ?? 0;
    return [...counts]
      .filter(([, count]) => count >= least)
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'vi'))
      .slice(0, limit);
  }
}
