import { afterAll, describe, expect, it } from 'vitest';
import type { HelpSession } from '../../src/core/help-log';
import type { UsageReport } from '../../src/core/usage-report';
import { buildReport } from '../../src/stats/report';
import { RedisHelpLog } from '../../src/storage/redis-help-log';
import {
  CHANNELS,
  KEPT_TEXTS,
  message,
  otherEvent,
  personOf,
  type Sent,
  timeOn,
} from '../helpers/usage-events';
import { daysBetween, seededRandom, usageLogs, vietnamNoon } from '../helpers/usage-log';

const logs = usageLogs();
afterAll(() => logs.close());

/** A HyperLogLog figure: within 2 %, and never less than one person (see usage-log.test.ts); 0 is 0. */
expect.extend({
  aboutPeople(received: unknown, truth: number) {
    const pass =
      typeof received === 'number' &&
      (truth === 0 ? received === 0 : Math.abs(received - truth) <= Math.max(0.02 * truth, 1));
    return { pass, message: () => `${String(received)} people is not about ${truth}` };
  },
});
declare module 'vitest' {
  interface AsymmetricMatchersContaining {
    aboutPeople(truth: number): unknown;
  }
}
const about = (n: number): number => expect.aboutPeople(n) as number;

const TOPIC_GROUPS = { vneid: 'truc-tuyen', 'dat-dai': 'buu-chinh', 'khai-sinh': 'ho-tich' };
const iso = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;

interface Dated extends Sent {
  readonly day: string;
}

/** The report the generated events must give, worked out from the events themselves. */
function expectedReport(events: readonly Dated[], help: readonly HelpSession[], days: readonly string[]) {
  const inPeriod = events.filter((e) => days.includes(e.day));
  const count = (pred: (e: Dated) => boolean, list: readonly Dated[] = inPeriod) => list.filter(pred).length;
  /** the event's result, what or value: the word the report counts it under */
  const sub = ({ event }: Dated): string | undefined =>
    'result' in event
      ? event.result
      : 'what' in event
        ? event.what
        : 'value' in event
          ? event.value
          : undefined;
  const is = (kind: Dated['event']['kind'], what?: string) => (e: Dated) =>
    e.event.kind === kind && (what === undefined || sub(e) === what);
  const people = (list: readonly Dated[], pred: (e: Dated) => boolean = () => true) =>
    new Set(
      list
        .filter((e) => e.event.kind === 'message' && pred(e))
        .map((e) => `${e.by?.user.channel}:${e.by?.user.id}`),
    ).size;
  const firstDay = new Map<string, string>();
  for (const e of events) {
    const who = `${e.by?.user.channel}:${e.by?.user.id}`;
    if (e.event.kind === 'message' && !firstDay.has(who)) firstDay.set(who, e.day);
  }
  const newIn = (pred: (day: string) => boolean) => [...firstDay.values()].filter(pred).length;
  const texts = (result: 'unanswered' | 'outside') => {
    const counts = new Map<string, number>();
    for (const e of inPeriod) {
      if (e.event.kind !== 'question' || e.event.result !== result) continue;
      const kept = KEPT_TEXTS[e.event.text]!;
      counts.set(kept, (counts.get(kept) ?? 0) + 1);
    }
    return [...counts]
      .map(([text, n]) => ({ text, count: n }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'vi'));
  };
  const topicCounts = new Map<string, number>();
  for (const e of inPeriod) {
    if (e.event.kind === 'topic') topicCounts.set(e.event.topic, (topicCounts.get(e.event.topic) ?? 0) + 1);
  }
  const topics = [...topicCounts]
    .map(([topic, n]) => ({ topic, count: n }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  const villages = [
    ...new Set(inPeriod.flatMap((e) => (e.event.kind === 'message' && e.by?.village ? [e.by.village] : []))),
  ].sort();
  const onHelpDay = (h: HelpSession, day: string) =>
    vietnamNoon(day, -12 * 3_600_000) <= h.at && h.at < vietnamNoon(day, 12 * 3_600_000);
  const helpIn = help.filter((h) => days.some((d) => onHelpDay(h, d)));
  const helpByVillage: Record<string, number> = {};
  for (const h of helpIn) helpByVillage[h.village] = (helpByVillage[h.village] ?? 0) + 1;
  const asked = (list: readonly Dated[]) => count(is('question'), list);
  const months = [...new Set(days.map((d) => d.slice(0, 6)))];
  const inGroup = (group: string) =>
    topics
      .filter((t) => TOPIC_GROUPS[t.topic as keyof typeof TOPIC_GROUPS] === group)
      .reduce((n, t) => n + t.count, 0);
  const section = (key: string) => count((e) => e.event.kind === 'topic' && e.event.section === key);
  const postal = (what: string) => count((e) => e.event.kind === 'postal' && e.event.what === what);
  const handoff = (what: string) => count((e) => e.event.kind === 'handoff' && e.event.what === what);

  const report: UsageReport = {
    from: iso(days[0]!),
    to: iso(days.at(-1)!),
    residents: {
      unique: about(people(inPeriod)),
      new: newIn((d) => days.includes(d)),
      byChannel: {
        telegram: about(people(inPeriod, (e) => e.by?.user.channel === 'telegram')),
        zalo: about(people(inPeriod, (e) => e.by?.user.channel === 'zalo')),
        web: about(people(inPeriod, (e) => e.by?.user.channel === 'web')),
      },
      byVillage: Object.fromEntries(
        villages.map((v) => [v, about(people(inPeriod, (e) => e.by?.village === v))]),
      ),
    },
    messages: {
      received: count(is('message')),
      byChannel: {
        telegram: count((e) => e.event.kind === 'message' && e.by?.user.channel === 'telegram'),
        zalo: count((e) => e.event.kind === 'message' && e.by?.user.channel === 'zalo'),
        web: count((e) => e.event.kind === 'message' && e.by?.user.channel === 'web'),
      },
    },
    questions: {
      asked: asked(inPeriod),
      answered: count(is('question', 'answered')),
      clarified: count(is('question', 'clarified')),
      unanswered: count(is('question', 'unanswered')),
      outOfScope: count(is('question', 'outside')),
    },
    topics,
    feedback: { up: count(is('feedback', 'up')), down: count(is('feedback', 'down')) },
    reminders: {
      created: count(is('reminder', 'created')),
      sent: count(is('reminder', 'sent')),
      failed: count(is('reminder', 'failed')),
      cancelled: count(is('reminder', 'cancelled')),
    },
    announcements: {
      count: count(is('announcement', 'created')),
      recipients: inPeriod.reduce(
        (n, e) =>
          n + (e.event.kind === 'announcement' && e.event.what === 'created' ? e.event.recipients : 0),
        0,
      ),
      sent: count(is('announcement', 'sent')),
      failed: count(is('announcement', 'failed')),
      blocked: count(is('announcement', 'blocked')),
    },
    helpSessions: {
      count: helpIn.length,
      filedOnline: helpIn.filter((h) => h.filedOnline).length,
      postalReturn: helpIn.filter((h) => h.postalReturn).length,
      vneidActivated: helpIn.filter((h) => h.vneidActivated).length,
      byVillage: helpByVillage,
    },
    unanswered: texts('unanswered'),
    daily: days.map((day) => {
      const onDay = inPeriod.filter((e) => e.day === day);
      return { date: iso(day), messages: count(is('message'), onDay), residents: about(people(onDay)) };
    }),
    interest: {
      online: { topics: inGroup('truc-tuyen'), sections: section('truc-tuyen') },
      postal: { topics: inGroup('buu-chinh'), sections: section('buu-dien') },
    },
    postalRequests: {
      created: postal('created'),
      accepted: postal('da-tiep-nhan'),
      posted: postal('da-gui-buu-dien'),
      delivered: postal('da-giao'),
      refused: postal('tu-choi'),
      lookups: postal('lookup'),
    },
    handoffs: {
      opened: handoff('opened'),
      staffReplies: handoff('staff-reply'),
      closedByResident: handoff('closed-resident'),
      closedByStaff: handoff('closed-staff'),
      timedOut: handoff('timeout'),
    },
    outOfScope: texts('outside'),
    monthly: months.map((month) => {
      const inMonth = inPeriod.filter((e) => e.day.startsWith(month));
      return {
        month: `${month.slice(0, 4)}-${month.slice(4)}`,
        messages: count(is('message'), inMonth),
        residents: about(people(inMonth)),
        newResidents: newIn((d) => days.includes(d) && d.startsWith(month)),
        asked: asked(inMonth),
        answered: count(is('question', 'answered'), inMonth),
        feedbackUp: count(is('feedback', 'up'), inMonth),
        feedbackDown: count(is('feedback', 'down'), inMonth),
        helpSessions: helpIn.filter((h) => days.some((d) => d.startsWith(month) && onHelpDay(h, d))).length,
      };
    }),
  };
  return report;
}

describe('the usage report', () => {
  it('gives exactly the numbers of the events generated, over a period across three months', async () => {
    const { log, prefix } = logs.open();
    const helpLog = new RedisHelpLog(logs.redis, prefix);
    const r = seededRandom(2026);
    const people = Array.from({ length: 14 }, (_, i) => personOf(100 + i));
    const busy = [
      '20260329',
      '20260330',
      '20260331',
      '20260401',
      '20260415',
      '20260430',
      '20260501',
      '20260502',
      '20260503',
    ];
    const events: Dated[] = [];
    // Two people first seen the day before the period: in it they count, but not as new.
    for (const p of people.slice(0, 2))
      events.push({ ...message(p, timeOn('20260329', r)), day: '20260329' });
    for (const day of busy) {
      for (let i = 0; i < 40; i++) {
        const p = people[Math.floor(r() * people.length)]!;
        const at = timeOn(day, r);
        events.push({ ...(r() < 0.35 ? message(p, at) : otherEvent(r, p, at)), day });
      }
    }
    // The same number typed two ways, on two days of the period: one masked question, asked twice.
    for (const [text, day] of [
      ['sđt 0912345678 gọi lại', '20260401'],
      ['SĐT 0912 345 678 gọi lại', '20260415'],
    ] as const) {
      const at = timeOn(day, r);
      events.push({
        event: { kind: 'question', result: 'unanswered', text },
        at,
        by: { user: people[0]!.user },
        fields: [['q:unanswered', 1]],
        day,
      });
    }
    events.sort((a, b) => a.at - b.at);
    for (const e of events) log.record(e.event, e.at, e.by);
    const help: HelpSession[] = busy.flatMap((day, i) =>
      Array.from({ length: 1 + (i % 3) }, (_, j) => ({
        village: `thon-${1 + ((i + j) % 4)}`,
        topic: j === 0 ? 'vneid' : 'khai-sinh',
        filedOnline: j !== 1,
        postalReturn: (i + j) % 2 === 0,
        vneidActivated: j === 0,
        at: timeOn(day, r),
      })),
    );
    for (const session of help) await helpLog.record(session);
    await logs.settled();

    const days = daysBetween('20260330', '20260502');
    const report = await buildReport(
      { usage: log, helpLog, topicGroups: TOPIC_GROUPS },
      '2026-03-30',
      '2026-05-02',
    );
    const expected = expectedReport(events, help, days);
    expect(report).toEqual(expected);
    // What toEqual cannot show: the order of the lists, the days all there, and something in each.
    expect(report.daily.map((d) => d.date)).toEqual(days.map(iso));
    expect(report.topics.map((t) => t.topic)).toEqual(expected.topics.map((t) => t.topic));
    expect(report.unanswered).toEqual(expected.unanswered);
    expect(Object.keys(report.residents.byChannel)).toEqual([...CHANNELS]);
    expect(report.unanswered.some((u) => u.text === 'sđt *******678 gọi lại' && u.count >= 2)).toBe(true);
    expect(report.monthly.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
    for (const n of [
      report.residents.new,
      report.questions.clarified,
      report.reminders.cancelled,
      report.announcements.recipients,
      report.announcements.blocked,
      report.helpSessions.count,
      report.interest.online.sections,
      report.outOfScope.length,
    ]) {
      expect(n).toBeGreaterThan(0);
    }
  });
});
