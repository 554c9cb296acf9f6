import type { HelpLog } from '../core/help-log';
import { helpDays } from '../core/help-log';
import type { UsageReader } from '../core/usage';
import { compactDay, isoDay, lastDayOf } from '../core/usage-days';
import { FIELD } from '../core/usage-fields';
import { type ByChannel, type MonthRow, REPORT_CHANNELS, type UsageReport } from '../core/usage-report';

export interface ReportSources {
  readonly usage: UsageReader;
  readonly helpLog: HelpLog;
  /** topic id → its menu group (content/groups.yaml), for the interest in online filing and the post */
  readonly topicGroups: Readonly<Record<string, string>>;
}

/** The content groups whose topics are about filing online and about the post. */
export const ONLINE_GROUP = 'truc-tuyen';
export const POSTAL_GROUP = 'buu-chinh';
/** how many of the most frequent questions the report lists */
export const REPORT_TEXTS = 30;

const sum = (rows: readonly Record<string, number>[], field: string): number =>
  rows.reduce((n, row) => n + (row[field] ?? 0), 0);

/** The sums of every field over some days. */
function total(rows: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) for (const [field, n] of Object.entries(row)) out[field] = (out[field] ?? 0) + n;
  return out;
}

/** from/to as YYYY-MM-DD; a RangeError for a bad date, a reversed or a too long period. */
export async function buildReport(src: ReportSources, from: string, to: string): Promise<UsageReport> {
  const days = helpDays(compactDay(from), compactDay(to));
  const [rows, perDay, help, unanswered, outside] = await Promise.all([
    src.usage.counters(days),
    src.usage.uniquePerDay(days),
    src.helpLog.totals(days[0]!, days.at(-1)!),
    src.usage.texts('unanswered', days, REPORT_TEXTS),
    src.usage.texts('outside', days, REPORT_TEXTS),
  ]);
  const all = total(rows);
  const villages = Object.keys(all)
    .filter((f) => f.startsWith('msg-village:'))
    .map((f) => f.slice('msg-village:'.length))
    .sort();
  const [unique, ...scoped] = await Promise.all([
    src.usage.unique({ all: true }, days),
    ...REPORT_CHANNELS.map((channel) => src.usage.unique({ channel }, days)),
    ...villages.map((village) => src.usage.unique({ village }, days)),
  ]);
  const byChannel = (of: (channel: string) => number): ByChannel =>
    Object.fromEntries(REPORT_CHANNELS.map((c) => [c, of(c)])) as ByChannel;
  const n = (field: string) => all[field] ?? 0;

  const topics = Object.entries(all)
    .filter(([f]) => f.startsWith('topic:'))
    .map(([f, count]) => ({ topic: f.slice('topic:'.length), count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  const inGroup = (group: string) =>
    topics.filter((t) => src.topicGroups[t.topic] === group).reduce((s, t) => s + t.count, 0);

  const questions = {
    answered: n(FIELD.question('answered')),
    clarified: n(FIELD.question('clarified')),
    unanswered: n(FIELD.question('unanswered')),
    outOfScope: n(FIELD.question('outside')),
  };
  return {
    from: isoDay(days[0]!),
    to: isoDay(days.at(-1)!),
    residents: {
      unique: unique ?? 0,
      new: n(FIELD.newResidents),
      byChannel: byChannel(
        (c) => scoped[REPORT_CHANNELS.indexOf(c as (typeof REPORT_CHANNELS)[number])] ?? 0,
      ),
      byVillage: Object.fromEntries(villages.map((v, i) => [v, scoped[REPORT_CHANNELS.length + i] ?? 0])),
    },
    messages: { received: n(FIELD.messages), byChannel: byChannel((c) => n(FIELD.messagesOn(c))) },
    questions: {
      asked: questions.answered + questions.clarified + questions.unanswered + questions.outOfScope,
      ...questions,
    },
    topics,
    feedback: { up: n(FIELD.feedback('up')), down: n(FIELD.feedback('down')) },
    reminders: {
      created: n(FIELD.reminder('created')),
      sent: n(FIELD.reminder('sent')),
      failed: n(FIELD.reminder('failed')),
      cancelled: n(FIELD.reminder('cancelled')),
    },
    announcements: {
      count: n(FIELD.announcement('created')),
      recipients: n(FIELD.announcementRecipients),
      sent: n(FIELD.announcement('sent')),
      failed: n(FIELD.announcement('failed')),
      blocked: n(FIELD.announcement('blocked')),
    },
    helpSessions: {
      count: help.sessions,
      filedOnline: help.online,
      postalReturn: help.postal,
      vneidActivated: help.vneid,
      byVillage: Object.fromEntries(Object.entries(help.byVillage).map(([v, c]) => [v, c.sessions])),
    },
    unanswered,
    daily: days.map((day, i) => ({
      date: isoDay(day),
      messages: rows[i]?.[FIELD.messages] ?? 0,
      residents: perDay[i] ?? 0,
    })),
    interest: {
      online: { topics: inGroup(ONLINE_GROUP), sections: n(FIELD.section('truc-tuyen')) },
      postal: { topics: inGroup(POSTAL_GROUP), sections: n(FIELD.section('buu-dien')) },
    },
    postalRequests: {
      created: n(FIELD.other('postal', 'created')),
      accepted: n(FIELD.other('postal', 'da-tiep-nhan')),
      posted: n(FIELD.other('postal', 'da-gui-buu-dien')),
      delivered: n(FIELD.other('postal', 'da-giao')),
      refused: n(FIELD.other('postal', 'tu-choi')),
      lookups: n(FIELD.other('postal', 'lookup')),
    },
    handoffs: {
      opened: n(FIELD.other('handoff', 'opened')),
      staffReplies: n(FIELD.other('handoff', 'staff-reply')),
      closedByResident: n(FIELD.other('handoff', 'closed-resident')),
      closedByStaff: n(FIELD.other('handoff', 'closed-staff')),
      timedOut: n(FIELD.other('handoff', 'timeout')),
    },
    outOfScope: outside,
    monthly: await monthly(src, days, rows, help.byDay),
  };
}

async function monthly(
  src: ReportSources,
  days: readonly string[],
  rows: readonly Record<string, number>[],
  helpByDay: Record<string, { sessions: number }>,
): Promise<MonthRow[]> {
  const months = [...new Set(days.map((d) => d.slice(0, 6)))];
  return Promise.all(
    months.map(async (month) => {
      const inMonth = days.filter((d) => d.startsWith(month) && d <= lastDayOf(month));
      const monthRows = rows.filter((_, i) => days[i]!.startsWith(month));
      return {
        month: `${month.slice(0, 4)}-${month.slice(4)}`,
        messages: sum(monthRows, FIELD.messages),
        residents: await src.usage.unique({ all: true }, inMonth),
        newResidents: sum(monthRows, FIELD.newResidents),
        asked: ['answered', 'clarified', 'unanswered', 'outside'].reduce(
          (s, r) => s + sum(monthRows, FIELD.question(r)),
          0,
        ),
        answered: sum(monthRows, FIELD.question('answered')),
        feedbackUp: sum(monthRows, FIELD.feedback('up')),
        feedbackDown: sum(monthRows, FIELD.feedback('down')),
        helpSessions: inMonth.reduce((s, d) => s + (helpByDay[d]?.sessions ?? 0), 0),
      };
    }),
  );
}

/** The share of questions the bot answered outright, 0…1 (0 when none was asked). */
export const answeredShare = (r: UsageReport): number =>
  r.questions.asked === 0 ? 0 : r.questions.answered / r.questions.asked;
/** The share of 👍 among 👍/👎, 0…1 (undefined when nobody said). */
export const satisfaction = (r: UsageReport): number | undefined =>
  r.feedback.up + r.feedback.down === 0 ? undefined : r.feedback.up / (r.feedback.up + r.feedback.down);
