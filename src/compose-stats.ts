import type { Redis } from 'ioredis';
import type { HelpLog } from './core/help-log';
import type { UsageReports } from './core/usage-report';
import type { Logger } from './logger';
import { buildReport } from './stats/report';
import { RedisUsageLog } from './storage/redis-usage-log';

export interface StatsWiring {
  readonly redis: Redis;
  readonly prefix: string;
  readonly logger: Logger;
  /** STATS_SALT, or the one kept in Redis (storage/stats-salt.ts) */
  readonly statsSalt: string;
  readonly statsRetentionDays: number;
  readonly helpLog: HelpLog;
  /** topic id → its menu group, from the content in use */
  readonly topicGroups: () => Readonly<Record<string, string>>;
}

export interface Stats {
  readonly usage: RedisUsageLog;
  readonly reports: UsageReports;
  close(): Promise<void>;
}

/** A report over a year takes a few hundred milliseconds of Redis time: more than a resident's turn may. */
const REPORT_COMMAND_TIMEOUT_MS = 15_000;

/** The usage log and the reports over it, as compose.ts, the report command and the tests build them. */
export function buildStats(w: StatsWiring): Stats {
  const reader = w.redis.duplicate({
    lazyConnect: false,
    enableOfflineQueue: true,
    commandTimeout: REPORT_COMMAND_TIMEOUT_MS,
  });
  reader.on('error', () => {
    // The app's own connection reports Redis trouble; this one reconnects by itself.
  });
  const usage = new RedisUsageLog(w.redis, w.prefix, {
    salt: w.statsSalt,
    retentionDays: w.statsRetentionDays,
    logger: w.logger,
    reader,
  });
  return {
    usage,
    async close() {
      await reader.quit().catch(() => reader.disconnect());
    },
    reports: {
      report: (from, to) =>
        buildReport({ usage, helpLog: w.helpLog, topicGroups: w.topicGroups() }, from, to),
    },
  };
}

/** topic id → group id, for the report's interest in filing online and by post */
export const topicGroupsOf = (topics: readonly { id: string; group: string }[]): Record<string, string> =>
  Object.fromEntries(topics.map((t) => [t.id, t.group]));
