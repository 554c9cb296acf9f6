import type { Services } from '../src/compose-services';
import type { UsageEvent } from '../src/core/usage';
import { isoDay, lastDayOf, vietnamMidnight } from '../src/core/usage-days';

/**
 * A month of made-up but plausible figures for a rural commune of seven villages, for the README's
 * screenshot. Deterministic (a fixed pseudo-random sequence), so the picture only changes with the page.
 */
const TOPICS: readonly [string, number][] = [
  ['khai-sinh', 24],
  ['can-cuoc', 19],
  ['thuong-tru', 13],
  ['chung-thuc-ban-sao', 11],
  ['vneid', 10],
  ['ket-hon', 7],
  ['xac-nhan-hon-nhan', 6],
  ['bao-hiem-y-te', 5],
  ['khai-tu', 3],
  ['tam-tru', 2],
];
const UNANSWERED: readonly [string, number][] = [
  ['xin giấy phép xây nhà ở đâu', 6],
  ['cấp sổ đỏ mất bao lâu', 5],
  ['đăng ký xe máy mới mua', 4],
  ['làm hộ chiếu ở xã được không', 3],
  ['đổi bằng lái xe hết hạn', 2],
  ['tiền hỗ trợ lũ lụt khi nào có', 2],
];
const OUTSIDE: readonly [string, number][] = [
  ['giá cà phê hôm nay', 4],
  ['mai trời có mưa không', 2],
];
const VILLAGES = ['thon-1', 'thon-2', 'thon-3', 'thon-4', 'thon-5', 'thon-6', 'thon-7'];
const CHANNELS: readonly [string, number][] = [
  ['zalo', 0.62],
  ['telegram', 0.23],
  ['web', 0.15],
];

/** A small linear congruential generator: the same numbers on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let at = random() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at <= 0) return value;
  }
  return weighted.at(-1)![0];
}

/** Records the month (yyyymm) through the usage log and the help log; resolves when it is all written. */
export async function seedDemoMonth(
  services: Services,
  month: string,
): Promise<{ from: string; to: string }> {
  const random = sequence(20_260_101);
  const { usage } = services.stats;
  const people = Array.from({ length: 380 }, (_, i) => ({
    user: { channel: pick(random, CHANNELS), id: `demo-${i}` },
    village: random() < 0.9 ? VILLAGES[Math.floor(random() * VILLAGES.length)] : undefined,
  }));
  const last = Number(lastDayOf(month).slice(6));
  for (let day = 1; day <= last; day++) {
    const midnight = vietnamMidnight(`${month}${String(day).padStart(2, '0')}`);
    const weekday = new Date(midnight + 7 * 3_600_000).getUTCDay();
    const busy = weekday === 0 || weekday === 6 ? 0.45 : 1;
    const visitors = Math.round((18 + random() * 14) * busy);
    for (let v = 0; v < visitors; v++) {
      const by = people[Math.floor(random() * people.length)]!;
      const at = midnight + (7 + random() * 13) * 3_600_000;
      const messages = 1 + Math.floor(random() * 4);
      for (let m = 0; m < messages; m++) usage.record({ kind: 'message' }, at, by);
      const r = random();
      const events: UsageEvent[] =
        r < 0.74
          ? answered(pick(random, TOPICS), random)
          : r < 0.84
            ? [{ kind: 'question', result: 'clarified' }]
            : r < 0.95
              ? [{ kind: 'question', result: 'unanswered', text: pick(random, UNANSWERED) }]
              : [{ kind: 'question', result: 'outside', text: pick(random, OUTSIDE) }];
      if (random() < 0.05) events.push({ kind: 'reminder', what: 'created' });
      for (const event of events) usage.record(event, at, by);
    }
    if (day % 6 === 2) {
      usage.record(
        { kind: 'announcement', what: 'created', recipients: 40 + Math.floor(random() * 30) },
        midnight,
      );
    }
    for (let h = Math.floor(random() * 3 * busy); h > 0; h--) {
      await services.features.helpLog.record({
        village: VILLAGES[Math.floor(random() * VILLAGES.length)]!,
        topic: pick(random, TOPICS),
        filedOnline: random() < 0.6,
        postalReturn: random() < 0.3,
        vneidActivated: random() < 0.4,
        at: midnight + 9 * 3_600_000,
      });
    }
  }
  // The usage log sends without waiting: a read after the last write sees all of them (one connection).
  const period = { from: isoDay(`${month}01`), to: isoDay(lastDayOf(month)) };
  await services.stats.reports.report(period.from, period.to);
  return period;
}

function answered(topic: string, random: () => number): UsageEvent[] {
  const events: UsageEvent[] = [
    { kind: 'question', result: 'answered', topic, band: 'high' },
    { kind: 'topic', topic, from: 'question' },
  ];
  if (random() < 0.3) events.push({ kind: 'feedback', value: random() < 0.86 ? 'up' : 'down', topic });
  return events;
}
