import { type Broadcasts, type BroadcastsWiring, buildBroadcasts } from './compose-broadcasts';
import { buildReminders, type Reminders } from './compose-reminders';
import { buildStats, type Stats } from './compose-stats';
import type { UserRef } from './core/user';
import type { FeatureDeps } from './features/types';
import { calendarPath } from './server/calendar-link';
import { RedisDashboardSessions } from './storage/redis-dashboard-sessions';
import { RedisHelpLog } from './storage/redis-help-log';
import { RedisRoleStore } from './storage/redis-role-store';

/** What announcements need (redis, outboxes, channels, commune, strings…), plus the rest's settings. */
export interface ServicesWiring extends Omit<BroadcastsWiring, 'dailyCap' | 'usage'> {
  /** ADMIN_IDS as `channel:id` */
  readonly admins: readonly string[];
  readonly calendarSecret: string;
  readonly announcementApproval: boolean;
  readonly announcementDailyCap: number;
  /** STATS_SALT, or the one kept in Redis (storage/stats-salt.ts) */
  readonly statsSalt: string;
  readonly statsRetentionDays: number;
  /** where staff open the dashboard: PUBLIC_URL, or http://localhost:<PORT> */
  readonly publicUrl: string;
  /** topic id → menu group, from the content in use (the report's interest in online filing and the post) */
  readonly topicGroups: () => Readonly<Record<string, string>>;
}

export type FeatureServices = Pick<
  FeatureDeps,
  | 'reminders'
  | 'calendarLink'
  | 'roles'
  | 'broadcasts'
  | 'helpLog'
  | 'announcementApproval'
  | 'audit'
  | 'usage'
  | 'reports'
  | 'dashboardLinks'
>;

export interface Services {
  readonly reminders: Reminders;
  readonly broadcasts: Broadcasts;
  readonly roles: RedisRoleStore;
  readonly stats: Stats;
  readonly dashboard: RedisDashboardSessions;
  /** what features get besides the knowledge base */
  readonly features: FeatureServices;
  /** what «xóa dữ liệu của tôi» deletes besides the resident's own keys */
  readonly alsoDelete: readonly ((user: UserRef) => Promise<void>)[];
  close(): Promise<void>;
}

/** The stores and queues behind the features' ports, as compose.ts, the tests and the scripts build them. */
export function buildServices(w: ServicesWiring): Services {
  const helpLog = new RedisHelpLog(w.redis, w.prefix);
  const stats = buildStats({ ...w, helpLog });
  const { usage } = stats;
  const reminders = buildReminders({ ...w, usage });
  const roles = new RedisRoleStore(w.redis, w.prefix, w.admins);
  const broadcasts = buildBroadcasts({ ...w, dailyCap: w.announcementDailyCap, usage });
  const dashboard = new RedisDashboardSessions(w.redis, w.prefix, w.publicUrl);
  return {
    reminders,
    broadcasts,
    roles,
    stats,
    dashboard,
    features: {
      usage,
      reports: stats.reports,
      dashboardLinks: dashboard,
      reminders,
      calendarLink: (text, at) => calendarPath(w.calendarSecret, text, at),
      roles,
      broadcasts,
      helpLog,
      announcementApproval: w.announcementApproval,
      audit: (event) =>
        event.outcome === 'refused'
          ? w.logger.warn({ audit: event }, 'refused: not allowed')
          : w.logger.info({ audit: event }, 'privileged action'),
    },
    alsoDelete: [
      (user) => reminders.deleteAll(user),
      async (user) => {
        await roles.revoke(user);
      },
      (user) => broadcasts.forget(user),
      (user) => usage.forget(user),
    ],
    async close() {
      await reminders.close();
      await broadcasts.close();
    },
  };
}
