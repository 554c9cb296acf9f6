import type { UniqueScope } from '../core/usage';
import { type UserRef, userKey } from '../core/user';

/**
 * Every Redis key of the bot, under one prefix so several communes can share a Redis (ARCHITECTURE §6).
 * BullMQ's own queue keys are the exception: BullMQ names them from the same prefix (queues/outbox-keys).
 */
export const keys = (prefix: string) => ({
  user: (user: UserRef) => `${prefix}user:${userKey(user)}`,
  session: (user: UserRef) => `${prefix}session:${userKey(user)}`,
  /** the numbered options last shown on a channel without buttons */
  choices: (user: UserRef) => `${prefix}choices:${userKey(user)}`,
  /** platform message ids seen (never a user id: Telegram's update_id, Zalo's message_id) */
  dedupe: (key: string) => `${prefix}dedupe:${key}`,
  /** hash: reason → how many updates of a channel were received and not acted on (anonymous counts) */
  skippedUpdates: (channel: string) => `${prefix}skipped:${channel}`,
  /** hash with fields `up` / `down` */
  feedback: (topic: string) => `${prefix}feedback:${topic}`,
  /** hash with fields `${topic}:up` / `${topic}:down`; `yyyymmdd` is a Vietnam date */
  feedbackDay: (yyyymmdd: string) => `${prefix}feedback-day:${yyyymmdd}`,
  rate: (subject: string, windowSeconds: number) => `${prefix}rate:${subject}:${windowSeconds}`,
  /** hash of outbox counters for one channel (see queues/outbox-counts.ts) */
  outboxCounts: (channel: string) => `${prefix}outbox:${channel}:counts`,
  /** sorted set: outbox job id → planned send time (ms) for one chat */
  outboxPace: (channel: string, chatId: string) => `${prefix}outbox:${channel}:pace:${chatId}`,
  /** set when a resident deleted their data: the AOF should be rewritten (storage/aof-privacy.ts) */
  aofRewriteDue: () => `${prefix}privacy:aof-rewrite-due`,
  /** when the AOF was last rewritten at our request (ms) */
  aofRewrittenAt: () => `${prefix}privacy:aof-rewritten-at`,
  /** string, expires: the time an outbox job's message was delivered (see queues/outbox-deliveries.ts) */
  outboxSent: (channel: string, jobId: string) => `${prefix}outbox:${channel}:sent:${jobId}`,
  /**
   * hash: `<error_code> <description>` → how many times a platform answered an error the bot does not
   * recognise (storage/redis-error-tally.ts); read it with `HGETALL <prefix>unknown-errors:zalo`
   */
  unknownErrors: (channel: string) => `${prefix}unknown-errors:${channel}`,
  /** the secret that signs web visitor cookies when COOKIE_SECRET is not set */
  cookieSecret: () => `${prefix}web:cookie-secret`,
  /** string: one reminder as JSON (storage/redis-reminder-store.ts) */
  reminder: (id: string) => `${prefix}rem:${id}`,
  /** set: the ids of a resident's reminders */
  reminders: (user: UserRef) => `${prefix}rem-user:${userKey(user)}`,
  /** the same set, from `channel:id` ('' gives the prefix the reminder scripts add it to) */
  remindersOf: (key: string) => `${prefix}rem-user:${key}`,
  /**
   * set: ids of the residents of a channel who receive a village's announcements (a village chosen,
   * not stopped, not blocked); kept by the resident store with each profile. ('', '') gives the prefix.
   */
  villageMembers: (village: string, channel: string) =>
    village === '' && channel === '' ? `${prefix}village:` : `${prefix}village:${village}:${channel}`,
  /** string: one announcement as JSON (storage/redis-broadcast-store.ts) */
  broadcast: (id: string) => `${prefix}bc:${id}`,
  /** hash: an announcement's counters per channel and the progress marks reported */
  broadcastTally: (id: string) => `${prefix}bc:${id}:tally`,
  /** set, expires: `channel:id` of the recipients whose message's outcome is counted in the tally */
  broadcastSettled: (id: string) => `${prefix}bc:${id}:settled`,
  /** set: ids of announcements waiting for a staff member's approval */
  broadcastsAwaiting: () => `${prefix}bc-awaiting`,
  /** set, expires: ids of the announcements a resident got on a Vietnamese day (the daily maximum) */
  broadcastCap: (userKey: string, yyyymmdd: string) => `${prefix}bc-cap:${userKey}:${yyyymmdd}`,
  /** hash: `channel:id` → granted role (staff, or team member of villages); admins come from ADMIN_IDS */
  roles: () => `${prefix}roles`,
  /** string, expires: a one-time invite code → the village it makes its user a team member of */
  invite: (code: string) => `${prefix}invite:${code}`,
  /** sorted set: id of every pending reminder → when it fires (ms); what reconciliation walks */
  remindersDue: () => `${prefix}rem-due`,
  /**
   * hash of the village teams' help sessions on a Vietnamese day (storage/redis-help-log.ts): counters
   * only, never a person (`sessions`, `online`, `village:<id>`, `topic:<id>:vneid`…)
   */
  helpDay: (yyyymmdd: string) => `${prefix}help:${yyyymmdd}`,
  /** the salt of the statistics' person hashes when STATS_SALT is not set (storage/stats-salt.ts) */
  statsSalt: () => `${prefix}secret:stats-salt`,
  /** string, expires after the retention: one postal return request as JSON (storage/redis-postal-store.ts) */
  postal: (code: string) => `${prefix}postal:${code}`,
  /** sorted set: every postal request's code → when it was made (ms) */
  postalIndex: () => `${prefix}postal-index`,
  /** set: the codes of a resident's postal requests */
  postalOfUser: (user: UserRef) => `${prefix}postal-user:${userKey(user)}`,
  /** string (JSON): one «Gặp cán bộ» ticket; expires the retention after it closes */
  ticket: (code: string) => `${prefix}ticket:${code}`,
  /** list (JSON entries): what the resident and staff said on a ticket, the last 50 */
  ticketLog: (code: string) => `${prefix}ticket:${code}:log`,
  /** sorted set: open tickets' codes → their last message (ms), for closing quiet ones */
  ticketsOpen: () => `${prefix}tickets-open`,
  /** string: the code of the resident's open ticket */
  ticketOfUser: (user: UserRef) => `${prefix}ticket-user:${userKey(user)}`,
  /** set: every ticket code of a resident (deleted with their data) */
  ticketsOfUser: (user: UserRef) => `${prefix}tickets-user:${userKey(user)}`,
  /** string, expires: an unused dashboard login link's nonce → `channel:id` of the staff member */
  dashboardLink: (nonce: string) => `${prefix}dash:link:${nonce}`,
  /** string, expires: a dashboard session id → `channel:id` of the staff member */
  dashboardSession: (id: string) => `${prefix}dash:session:${id}`,
  /** list, expires: JSON messages waiting for a web visitor's page to ask (storage/redis-web-inbox.ts) */
  webInbox: (visitorId: string) => `${prefix}web-inbox:${visitorId}`,
  /** set, expires with the inbox: the ids of the messages ever put in it (each goes in once) */
  webInboxIds: (visitorId: string) => `${prefix}web-inbox-ids:${visitorId}`,
});
export type RedisKeys = ReturnType<typeof keys>;

const scopeName = (scope: UniqueScope): string =>
  'all' in scope ? 'all' : 'channel' in scope ? `c:${scope.channel}` : `v:${scope.village}`;

/**
 * The usage log's keys (storage/redis-usage-log.ts), all under `<prefix>stats:`. None holds a raw id:
 * people appear only as salted hashes (in `seen`) or inside HyperLogLogs.
 */
export const statsKeys = (prefix: string) => ({
  /** hash: a Vietnamese day's counters (core/usage-fields.ts) */
  day: (yyyymmdd: string) => `${prefix}stats:d:${yyyymmdd}`,
  /** HyperLogLog: the people of a day (everyone, a channel's, a village's) */
  uniqueDay: (yyyymmdd: string, scope: UniqueScope) => `${prefix}stats:u:d:${yyyymmdd}:${scopeName(scope)}`,
  /** HyperLogLog: the people of a month (yyyymm) */
  uniqueMonth: (yyyymm: string, scope: UniqueScope) => `${prefix}stats:u:m:${yyyymm}:${scopeName(scope)}`,
  /** sorted set: masked question → times asked, for the questions not answered (or out of scope) */
  texts: (yyyymmdd: string, result: 'unanswered' | 'outside') =>
    `${prefix}stats:q:${yyyymmdd}:${result === 'unanswered' ? 'u' : 'o'}`,
  /** sorted set: salted hash of each person seen → the last day seen (day number) */
  seen: () => `${prefix}stats:seen`,
  /** string, expires: `seen` was trimmed of people past the retention on this day */
  seenTrimmed: (yyyymmdd: string) => `${prefix}stats:seen-trimmed:${yyyymmdd}`,
  /** every statistics key (for the privacy scan and the memory benchmark) */
  pattern: () => `${prefix}stats:*`,
});

/** Rate-limit subjects; the visitor's is personal and deleted with the visitor's data. */
export const rateSubject = {
  /** IPv6 clients are limited per /64: one household or phone gets a whole /64 to pick addresses from. */
  ip: (ip: string) => `web:ip:${ipv6Prefix64(ip) ?? ip}`,
  visitor: (visitorId: string) => `web:visitor:${visitorId}`,
  /** the page asking for new messages: a budget of its own, apart from the messages sent */
  visitorUpdates: (visitorId: string) => `web:updates:${visitorId}`,
  ipUpdates: (ip: string) => `web:updates-ip:${ipv6Prefix64(ip) ?? ip}`,
  /** messages without a visitor token from one address (or /64) */
  newVisitors: (ip: string) => `web:new:${ipv6Prefix64(ip) ?? ip}`,
};

/** The web chat's limits are per minute (WEB_RATE_PER_VISITOR, WEB_RATE_PER_IP). */
export const WEB_RATE_WINDOW_SECONDS = 60;
/** Window lengths the bot limits with; used to find a resident's limit counters for deletion. */
const RATE_WINDOWS_SECONDS = [WEB_RATE_WINDOW_SECONDS] as const;

/**
 * Every key that names this resident: what "xóa dữ liệu của tôi" deletes. A new per-user key is added
 * here, and the storage test that scans Redis after a deletion proves nothing was missed.
 */
export function residentKeys(prefix: string, user: UserRef): string[] {
  const k = keys(prefix);
  return [
    k.user(user),
    k.session(user),
    k.choices(user),
    k.reminders(user),
    k.postalOfUser(user),
    k.ticketOfUser(user),
    k.ticketsOfUser(user),
    // In a private chat the chat id is the user id on every channel we have.
    k.outboxPace(user.channel, user.id),
    ...(user.channel === 'web'
      ? [
          k.webInbox(user.id),
          k.webInboxIds(user.id),
          ...RATE_WINDOWS_SECONDS.flatMap((w) => [
            k.rate(rateSubject.visitor(user.id), w),
            k.rate(rateSubject.visitorUpdates(user.id), w),
          ]),
        ]
      : []),
  ];
}

/**
 * The /64 network of an IPv6 address ("2001:db8:1:2::/64"), or undefined for IPv4 and IPv4-mapped
 * IPv6 ("::ffff:1.2.3.4"), which are limited per address.
 */
export function ipv6Prefix64(ip: string): string | undefined {
  if (!ip.includes(':') || /^::ffff:\d/i.test(ip)) return undefined;
  const address = ip.split('%')[0] ?? ip;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const network = groups.slice(0, 4).map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16));
  while (network.length < 4) network.push('0');
  return `${network.join(':')}::/64`;
}
