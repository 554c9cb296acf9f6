import type { UsageEvent } from '../../src/core/usage';
import { isoDay, lastDayOf, vietnamMidnight } from '../../src/core/usage-days';
import type { UserRef } from '../../src/core/user';
import { vietnamDay } from '../../src/core/vietnam-day';
import type { TestServer } from './test-server';
import { until } from './until';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A question text a resident might send to break the page: it must show as text. */
export const HOSTILE_QUESTION = '<img src=x onerror=alert(1)>';
export const ODD_QUESTION = 'xin giấy phép nuôi ong mật';
export const OUTSIDE_QUESTION = 'giá lúa hôm nay bao nhiêu';

export interface Month {
  readonly from: string;
  readonly to: string;
}

const monthOf = (yyyymm: string): Month => ({
  from: isoDay(`${yyyymm}01`),
  to: isoDay(lastDayOf(yyyymm)),
});

/** This month and the one before, in Vietnam, at `now`. */
export function months(now: number): { thisMonth: Month; lastMonth: Month; year: string } {
  const month = vietnamDay(now).slice(0, 6);
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(4, 6));
  const last = m === 1 ? `${y - 1}12` : `${y}${String(m - 1).padStart(2, '0')}`;
  return { thisMonth: monthOf(month), lastMonth: monthOf(last), year: String(y) };
}

/**
 * What the seed records this month (days 1 and 2) and last month (day 10), for the checks to compare.
 * Residents: telegram u1, u2 (thôn 1), u3 (thôn 2), zalo z1 (thôn 3), web w1 (no village).
 */
export const SEEDED = {
  thisMonth: {
    residents: 5,
    messages: 10,
    messagesPerDay: [6, 4],
    residentsPerDay: [3, 3],
    byChannel: { messages: [8, 1, 1], residents: [3, 1, 1] },
    byVillage: { 'thon-1': 2, 'thon-2': 1, 'thon-3': 1 },
    questions: { answered: 4, clarified: 1, unanswered: 2, outOfScope: 1 },
    topics: { 'khai-sinh': 3, 'ket-hon': 1 },
    feedback: { up: 3, down: 1 },
    reminders: 2,
    announcements: 1,
    help: 1,
  },
  lastMonth: { residents: 1, messages: 2 },
} as const;

const person = (channel: string, id: string): UserRef => ({ channel, id });

/** Records the seed through the composition's usage log and waits until the reports show all of it. */
export async function seedUsage(server: TestServer, now: number): Promise<void> {
  const { usage, reports } = server.services.stats;
  const { thisMonth, lastMonth } = months(now);
  const at = (month: Month, day: number) =>
    vietnamMidnight(month.from.replaceAll('-', '')) + (day - 1) * DAY + 10 * HOUR;
  const u1 = { user: person('telegram', 'u1'), village: 'thon-1' };
  const u2 = { user: person('telegram', 'u2'), village: 'thon-1' };
  const u3 = { user: person('telegram', 'u3'), village: 'thon-2' };
  const z1 = { user: person('zalo', 'z1'), village: 'thon-3' };
  const w1 = { user: person('web', 'w1') };
  const day1 = at(thisMonth, 1);
  const day2 = at(thisMonth, 2);
  const message: UsageEvent = { kind: 'message' };
  for (const by of [u1, u1, u1, u2, u2, z1]) usage.record(message, day1, by);
  for (const by of [u1, u3, u3, w1]) usage.record(message, day2, by);
  const events: UsageEvent[] = [
    ...['khai-sinh', 'khai-sinh', 'khai-sinh', 'ket-hon'].flatMap((topic): UsageEvent[] => [
      { kind: 'question', result: 'answered', topic, band: 'high' },
      { kind: 'topic', topic, from: 'question' },
    ]),
    { kind: 'question', result: 'clarified' },
    { kind: 'question', result: 'unanswered', text: HOSTILE_QUESTION },
    { kind: 'question', result: 'unanswered', text: ODD_QUESTION },
    { kind: 'question', result: 'outside', text: OUTSIDE_QUESTION },
    { kind: 'feedback', value: 'up', topic: 'khai-sinh' },
    { kind: 'feedback', value: 'up', topic: 'khai-sinh' },
    { kind: 'feedback', value: 'up', topic: 'ket-hon' },
    { kind: 'feedback', value: 'down', topic: 'khai-sinh' },
    { kind: 'reminder', what: 'created' },
    { kind: 'reminder', what: 'created' },
    { kind: 'announcement', what: 'created', recipients: 5 },
  ];
  for (const event of events) usage.record(event, day2, u1);
  const u9 = { user: person('telegram', 'u9'), village: 'thon-1' };
  usage.record(message, at(lastMonth, 10), u9);
  usage.record(message, at(lastMonth, 10), u9);
  usage.record(
    { kind: 'question', result: 'answered', topic: 'can-cuoc', band: 'high' },
    at(lastMonth, 10),
    u9,
  );
  await server.services.features.helpLog.record({
    village: 'thon-1',
    topic: 'khai-sinh',
    filedOnline: true,
    postalReturn: false,
    vneidActivated: true,
    at: day2,
  });
  // Recording is fire-and-forget: wait until the last of it can be read back.
  const seeded = SEEDED.thisMonth;
  await until(async () => {
    const [now, before] = await Promise.all([
      reports.report(thisMonth.from, thisMonth.to),
      reports.report(lastMonth.from, lastMonth.to),
    ]);
    return (
      now.messages.received === seeded.messages &&
      now.announcements.count === seeded.announcements &&
      now.outOfScope.length === 1 &&
      before.questions.answered === 1
    );
  });
}
