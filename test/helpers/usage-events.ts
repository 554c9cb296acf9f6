import type { UniqueScope, UsageEvent, UsageSource } from '../../src/core/usage';
import type { UserRef } from '../../src/core/user';
import { vietnamNoon } from './usage-log';

export const CHANNELS = ['telegram', 'zalo', 'web'] as const;
export const TOPICS = ['khai-sinh', 'ket-hon', 'cu-tru', 'dat-dai', 'vneid'] as const;

/** Questions the bot did not answer, as typed → as they must be kept (masked, one line, lower case). */
export const KEPT_TEXTS: Readonly<Record<string, string>> = {
  'xin hỏi về con trâu': 'xin hỏi về con trâu',
  'Xin hỏi về  CON TRÂU ': 'xin hỏi về con trâu',
  'mua xe máy cũ ở đâu': 'mua xe máy cũ ở đâu',
  'sđt 0912345678 gọi lại': 'sđt *******678 gọi lại',
  'SĐT 0912 345 678 gọi lại': 'sđt *******678 gọi lại',
};
const QUESTION_TEXTS = Object.keys(KEPT_TEXTS);

export interface Person {
  readonly user: UserRef;
  readonly village?: string;
}

/** The i-th person: channels in turn, ids shaped like each platform's, seven villages and some with none. */
export function personOf(i: number): Person {
  const channel = CHANNELS[i % CHANNELS.length]!;
  const id =
    channel === 'telegram'
      ? String(500_000_000 + i)
      : channel === 'zalo'
        ? `${(Math.imul(i + 1, 2654435761) >>> 0).toString(16)}z${i}`
        : `visitor-${i}`;
  const v = Math.floor(i / CHANNELS.length) % 8;
  return v === 0 ? { user: { channel, id } } : { user: { channel, id }, village: `thon-${v}` };
}

/** An event as the test sends it, with the day-hash fields it must add to (written out here, not derived). */
export interface Sent {
  readonly event: UsageEvent;
  readonly at: number;
  readonly by?: UsageSource;
  readonly fields: readonly (readonly [string, number])[];
}

/** A message from a person: the only event that counts people. */
export function message(p: Person, at: number): Sent {
  return {
    event: { kind: 'message' },
    at,
    by: { user: p.user, village: p.village },
    fields: [
      ['msg', 1],
      [`msg:${p.user.channel}`, 1],
      ...(p.village ? [[`msg-village:${p.village}`, 1] as const] : []),
    ],
  };
}

/** Any other event, picked by `r` (0…1), from a person or (reminders, announcements) from nobody. */
export function otherEvent(r: () => number, p: Person, at: number): Sent {
  const by = { user: p.user, village: p.village };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const topic = pick(TOPICS);
  switch (Math.floor(r() * 11)) {
    case 0: {
      const band = pick(['high', 'medium', 'followup'] as const);
      return {
        event: { kind: 'question', result: 'answered', topic, band },
        at,
        by,
        fields: [
          ['q:answered', 1],
          [`q:answered:${band}`, 1],
        ],
      };
    }
    case 1:
      return { event: { kind: 'question', result: 'clarified' }, at, by, fields: [['q:clarified', 1]] };
    case 2: {
      const result = pick(['unanswered', 'outside'] as const);
      const text = pick(QUESTION_TEXTS);
      return { event: { kind: 'question', result, text }, at, by, fields: [[`q:${result}`, 1]] };
    }
    case 3: {
      const from = pick(['question', 'clarify', 'menu', 'followup'] as const);
      const section = pick([undefined, 'le-phi', 'truc-tuyen', 'buu-dien'] as const);
      return {
        event: { kind: 'topic', topic, from, ...(section ? { section } : {}) },
        at,
        by,
        fields: [
          [`topic:${topic}`, 1],
          [`topic-from:${from}`, 1],
          ...(section ? [[`sec:${section}`, 1] as const] : []),
        ],
      };
    }
    case 4: {
      const value = pick(['up', 'down'] as const);
      return {
        event: { kind: 'feedback', value, topic },
        at,
        by,
        fields: [
          [`fb:${value}`, 1],
          [`fb-topic:${topic}:${value}`, 1],
        ],
      };
    }
    case 5: {
      const what = pick(['village', 'subscribed', 'unsubscribed'] as const);
      return { event: { kind: 'resident', what }, at, by, fields: [[`res:${what}`, 1]] };
    }
    case 6: {
      const what = pick(['created', 'sent', 'failed', 'cancelled'] as const);
      return { event: { kind: 'reminder', what }, at, fields: [[`rem:${what}`, 1]] };
    }
    case 7: {
      const recipients = 1 + Math.floor(r() * 500);
      return {
        event: { kind: 'announcement', what: 'created', recipients },
        at,
        fields: [
          ['ann:created', 1],
          ['ann:recipients', recipients],
        ],
      };
    }
    case 8: {
      const what = pick(['sent', 'failed', 'blocked'] as const);
      return { event: { kind: 'announcement', what }, at, fields: [[`ann:${what}`, 1]] };
    }
    case 9: {
      const what = pick([
        'created',
        'da-tiep-nhan',
        'da-gui-buu-dien',
        'da-giao',
        'tu-choi',
        'lookup',
      ] as const);
      return { event: { kind: 'postal', what }, at, by, fields: [[`postal:${what}`, 1]] };
    }
    default: {
      const what = pick(['opened', 'staff-reply', 'closed-resident', 'closed-staff', 'timeout'] as const);
      return { event: { kind: 'handoff', what }, at, by, fields: [[`handoff:${what}`, 1]] };
    }
  }
}

/** A time on a Vietnamese day (yyyymmdd), anywhere from its first to its last millisecond. */
export const timeOn = (day: string, r: () => number): number =>
  vietnamNoon(day, Math.floor((r() - 0.5) * 86_400_000));

/** What each day's counters must be, `new` fields left out (they depend on which event came first). */
export function expectedCounters(sent: readonly Sent[], dayOf: (at: number) => string) {
  const byDay = new Map<string, Record<string, number>>();
  for (const s of sent) {
    const day = dayOf(s.at);
    const row = byDay.get(day) ?? {};
    for (const [field, n] of s.fields) row[field] = (row[field] ?? 0) + n;
    byDay.set(day, row);
  }
  return byDay;
}

/** The different people who sent a message, per scope, among the events whose day passes `onDay`. */
export function truePeople(sent: readonly Sent[], dayOf: (at: number) => string) {
  return (scope: UniqueScope, onDay: (day: string) => boolean): number => {
    const who = new Set<string>();
    for (const s of sent) {
      if (s.event.kind !== 'message' || !s.by || !onDay(dayOf(s.at))) continue;
      const inScope =
        'all' in scope ||
        ('channel' in scope && s.by.user.channel === scope.channel) ||
        ('village' in scope && s.by.village === scope.village);
      if (inScope) who.add(`${s.by.user.channel}:${s.by.user.id}`);
    }
    return who.size;
  };
}

/** `new` and `new:<channel>` taken out of a day's counters. */
export function withoutNew(row: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(row).filter(([f]) => f !== 'new' && !f.startsWith('new:')));
}
