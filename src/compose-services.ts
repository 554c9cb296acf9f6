import { type Broadcasts, type BroadcastsWiring, buildBroadcasts } from './compose-broadcasts';
import { buildMessenger } from './compose-messenger';
import { buildReminders, type Reminders } from './compose-reminders';
import { buildStats, type Stats } from './compose-stats';
import type { Messenger, WebInbox } from './core/messenger';
import type { UserRef } from './core/user';
import type { FeatureDeps } from './features/types';
import { calendarPath } from './server/calendar-link';
import { RedisDashboardSessions } from './storage/redis-dashboard-sessions';
import { RedisHandoffStore } from './storage/redis-handoff-store';
import { RedisHelpLog } from './storage/redis-help-log';
import { RedisPostalStore } from './storage/redis-postal-store';
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
  /** STAFF_CHAT_ID */
  readonly staffChatId: string | undefined;
  readonly requestRetentionDays: number;
  /** the web chat's inbox (later messages to web visitors), when the web chat runs */
  readonly webInbox?: WebInbox | undefined;
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
  | 'postal'
  | 'handoff'
  | 'messenger'
  | 'staffChat'
>;

export interface Services {
  readonly reminders: Reminders;
  readonly broadcasts: Broadcasts;
  readonly roles: RedisRoleStore;
  readonly stats: Stats;
  readonly dashboard: RedisDashboardSessions;
  readonly postal: RedisPostalStore;
  readonly handoff: RedisHandoffStore;
  readonly messenger: Messenger;
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
  const postal = new RedisPostalStore(w.redis, w.prefix, w.requestRetentionDays);
  const handoff = new RedisHandoffStore(w.redis, w.prefix, w.requestRetentionDays);
  const messenger = buildMessenger({ ...w });
  return {
    postal,
    handoff,
    messenger,
    reminders,
    broadcasts,
    roles,
    stats,
    dashboard,
    features: {
      usage,
      reports: stats.reports,
      dashboardLinks: dashboard,
      postal,
      handoff,
      messenger,
      staffChat: w.staffChatId ? { channel: 'telegram', id: w.staffChatId } : undefined,
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
      (user) => postal.deleteAll(user),
      (user) => handoff.deleteAll(user),
    ],
    async close() {
      await stats.close();
      await reminders.close();
      await broadcasts.close();
    },
  };
}
