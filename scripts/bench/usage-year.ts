import type { Redis } from 'ioredis';
import type { HelpLog } from '../../src/core/help-log';
import type { UniqueScope, UsageEvent } from '../../src/core/usage';
import { dayNumber, expiryOf, lastDayOf } from '../../src/core/usage-days';
import { FIELD, usageFields } from '../../src/core/usage-fields';
import type { UserRef } from '../../src/core/user';
import { statsKeys } from '../../src/storage/redis-keys';
import { keptText, TEXTS_PER_DAY } from '../../src/storage/redis-usage-log';

export const POPULATION = 20_000;
export const PEOPLE_A_DAY = 3_000;
export const EVENTS_A_DAY = 50_000;
export const VILLAGES = Array.from({ length: 10 }, (_, i) => `thon-${i + 1}`);
export const TOPICS = Array.from({ length: 30 }, (_, i) => `thu-tuc-${i + 1}`);
const HELP_A_DAY = 20;

/** Every event but the messages, per day; the messages are the rest of EVENTS_A_DAY. */
const DAY_MIX: readonly [
  UsageEvent | 'topic' | 'answered' | 'unanswered' | 'outside' | 'feedback',
  number,
][] = [
  ['answered', 10_500],
  [{ kind: 'question', result: 'clarified' }, 1_400],
  ['unanswered', 1_400],
  ['outside', 700],
  ['topic', 12_000],
  ['feedback', 1_500],
  [{ kind: 'resident', what: 'village' }, 220],
  [{ kind: 'resident', what: 'subscribed' }, 20],
  [{ kind: 'resident', what: 'unsubscribed' }, 60],
  [{ kind: 'reminder', what: 'created' }, 300],
  [{ kind: 'reminder', what: 'sent' }, 400],
  [{ kind: 'reminder', what: 'failed' }, 20],
  [{ kind: 'reminder', what: 'cancelled' }, 80],
  [{ kind: 'announcement', what: 'created', recipients: 2_000 }, 1],
  [{ kind: 'announcement', what: 'sent' }, 1_800],
  [{ kind: 'announcement', what: 'failed' }, 50],
  [{ kind: 'announcement', what: 'blocked' }, 150],
  [{ kind: 'postal', what: 'requested' }, 100],
  [{ kind: 'handoff', what: 'asked' }, 99],
];
export const MESSAGES_A_DAY = EVENTS_A_DAY - DAY_MIX.reduce((n, [, count]) => n + count, 0);

/** Numbers from a seed: the same year every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with weight 1/(i+1)^s: a few frequent, a long tail. */
function zipf(n: number, s: number, r: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const OPENERS = ['cho hỏi', 'xin hỏi', 'cháu hỏi', 'làm sao để', 'ở đâu', 'bao giờ', 'có được', 'ai giúp'];
const MIDDLES = [
  'xin giấy phép chặt cây',
  'đăng ký nuôi heo',
  'vay vốn ngân hàng chính sách',
  'nhận tiền hỗ trợ lũ',
  'đổi bằng lái xe máy',
  'làm hồ sơ đi xuất khẩu lao động',
  'cấp lại sổ hộ nghèo',
  'sửa tên trên sổ đỏ của ông bà',
  'đăng ký học nghề',
  'xin trợ cấp cho mẹ già',
  'báo mất con bò',
  'tranh chấp ranh giới rẫy cà phê',
];
const TAILS = [
  'vậy',
  'ạ',
  'nhé',
  'không',
  'được không',
  'mất bao lâu',
  'tốn bao nhiêu tiền',
  'số *******678',
];

/** The i-th of the questions people ask that the bot cannot answer (as kept: masked, lower case). */
export function questionText(i: number): string {
  const o = OPENERS[i % OPENERS.length]!;
  const m = MIDDLES[Math.floor(i / OPENERS.length) % MIDDLES.length]!;
  const t = TAILS[Math.floor(i / (OPENERS.length * MIDDLES.length)) % TAILS.length]!;
  const n = Math.floor(i / (OPENERS.length * MIDDLES.length * TAILS.length));
  return keptText(`${o} ${m} ở thôn ${n + 1} ${t}`);
}

export interface YearPerson {
  readonly user: UserRef;
  readonly village?: string;
  readonly hash: string;
}

/** 20,000 people: half Telegram, a third Zalo, the rest the web chat; one in ten without a village. */
export function population(hashOf: (user: UserRef) => string): YearPerson[] {
  return Array.from({ length: POPULATION }, (_, i) => {
    const channel = i % 20 < 10 ? 'telegram' : i % 20 < 17 ? 'zalo' : 'web';
    const id = channel === 'telegram' ? String(5_300_000_000 + i) : channel === 'zalo' ? `z${i}` : `v-${i}`;
    const user = { channel, id };
    const village = i % 10 === 9 ? undefined : VILLAGES[Math.floor(i / 20) % VILLAGES.length];
    return { user, hash: hashOf(user), ...(village ? { village } : {}) };
  });
}

/** The people of a day, the day's counters (field → n) and its questions kept (text → times asked). */
function oneDay(people: readonly YearPerson[], r: () => number, pickTopic: () => number, texts: Texts) {
  const counters = new Map<string, number>();
  const add = (fields: [string, number][]) => {
    for (const [field, n] of fields) counters.set(field, (counters.get(field) ?? 0) + n);
  };
  const picked = new Set<number>();
  while (picked.size < PEOPLE_A_DAY) picked.add(Math.floor(r() * people.length));
  const today = [...picked].map((i) => people[i]!);
  for (let m = 0; m < MESSAGES_A_DAY; m++) {
    // Everyone of the day writes once; the rest of the messages go to whoever, some writing a lot.
    const p = m < today.length ? today[m]! : today[Math.floor(r() ** 2 * today.length)]!;
    add(usageFields({ kind: 'message' }, p.user.channel));
    if (p.village) add([[`msg-village:${p.village}`, 1]]);
  }
  const unanswered = new Map<string, number>();
  const outside = new Map<string, number>();
  const topic = () => TOPICS[pickTopic()]!;
  for (const [shape, count] of DAY_MIX) {
    for (let i = 0; i < count; i++) {
      if (shape === 'answered') {
        const band = r() < 0.7 ? 'high' : r() < 0.7 ? 'medium' : 'followup';
        add(usageFields({ kind: 'question', result: 'answered', topic: topic(), band }, undefined));
      } else if (shape === 'topic') {
        const from = (['question', 'question', 'question', 'menu', 'clarify', 'followup'] as const)[
          Math.floor(r() * 6)
        ]!;
        const section =
          r() < 0.15 ? (['le-phi', 'giay-to', 'truc-tuyen', 'buu-dien'] as const)[i % 4] : undefined;
        add(usageFields({ kind: 'topic', topic: topic(), from, ...(section ? { section } : {}) }, undefined));
      } else if (shape === 'feedback') {
        add(usageFields({ kind: 'feedback', value: r() < 0.8 ? 'up' : 'down', topic: topic() }, undefined));
      } else if (shape === 'unanswered' || shape === 'outside') {
        add(usageFields({ kind: 'question', result: shape, text: '' }, undefined));
        const text = shape === 'unanswered' ? texts.unanswered() : texts.outside();
        const into = shape === 'unanswered' ? unanswered : outside;
        into.set(text, (into.get(text) ?? 0) + 1);
      } else {
        add(usageFields(shape, undefined));
      }
    }
  }
  return { today, counters, unanswered, outside };
}

interface Texts {
  unanswered(): string;
  outside(): string;
}

/** The most asked TEXTS_PER_DAY of a day, as the usage log's cap leaves them. */
const capped = (asked: Map<string, number>): [string, number][] =>
  [...asked].sort((a, b) => b[1] - a[1]).slice(0, TEXTS_PER_DAY);

export interface YearSummary {
  readonly events: number;
  readonly messages: number;
  readonly distinctTexts: { readonly unanswered: number; readonly outside: number };
  readonly helpSessions: number;
}

/**
 * Writes a year of statistics straight into the keys the usage log writes (statsKeys, the fields of
 * core/usage-fields.ts, the same expiries), pipelined one day at a time: 365 × 50,000 events through
 * record() would take hours here. Help sessions go through the help log itself.
 */
export async function writeYear(
  redis: Redis,
  prefix: string,
  days: readonly string[],
  retentionDays: number,
  people: readonly YearPerson[],
  helpLog: HelpLog,
): Promise<YearSummary> {
  const k = statsKeys(prefix);
  const r = seeded(365);
  const pickTopic = zipf(TOPICS.length, 1, r);
  const unansweredIndex = zipf(20_000, 1.1, r);
  const outsideIndex = zipf(3_000, 1.1, r);
  const texts: Texts = {
    unanswered: () => questionText(unansweredIndex()),
    outside: () => `mua bán ${questionText(outsideIndex())}`,
  };
  const seen = new Set<string>();
  const summary = { events: 0, messages: 0, distinctTexts: { unanswered: 0, outside: 0 }, helpSessions: 0 };
  for (const day of days) {
    const { today, counters, unanswered, outside } = oneDay(people, r, pickTopic, texts);
    const month = day.slice(0, 6);
    const dayExpiry = expiryOf(day, retentionDays);
    const monthExpiry = expiryOf(lastDayOf(month), retentionDays);
    for (const p of today) {
      if (seen.has(p.hash)) continue;
      seen.add(p.hash);
      counters.set(FIELD.newResidents, (counters.get(FIELD.newResidents) ?? 0) + 1);
      const onChannel = FIELD.newOn(p.user.channel);
      counters.set(onChannel, (counters.get(onChannel) ?? 0) + 1);
    }
    const p = redis.pipeline();
    const hash = k.day(day);
    for (const [field, n] of counters) p.hincrby(hash, field, n);
    p.expireat(hash, dayExpiry);
    const scopes = new Map<string, { scope: UniqueScope; hashes: string[] }>();
    const into = (name: string, scope: UniqueScope, who: string) => {
      const entry = scopes.get(name) ?? { scope, hashes: [] };
      entry.hashes.push(who);
      scopes.set(name, entry);
    };
    for (const person of today) {
      into('all', { all: true }, person.hash);
      into(`c:${person.user.channel}`, { channel: person.user.channel }, person.hash);
      if (person.village) into(`v:${person.village}`, { village: person.village }, person.hash);
    }
    for (const { scope, hashes } of scopes.values()) {
      p.pfadd(k.uniqueDay(day, scope), ...hashes).expireat(k.uniqueDay(day, scope), dayExpiry);
      p.pfadd(k.uniqueMonth(month, scope), ...hashes).expireat(k.uniqueMonth(month, scope), monthExpiry);
    }
    const dayNo = dayNumber(day);
    for (let i = 0; i < today.length; i += 500) {
      p.zadd(k.seen(), ...today.slice(i, i + 500).flatMap((person) => [dayNo, person.hash]));
    }
    for (const [result, asked] of [
      ['unanswered', unanswered],
      ['outside', outside],
    ] as const) {
      const kept = capped(asked);
      summary.distinctTexts[result] += kept.length;
      for (const [text, n] of kept) p.zincrby(k.texts(day, result), n, text);
      if (kept.length > 0) p.expireat(k.texts(day, result), dayExpiry);
    }
    const results = (await p.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    summary.events += EVENTS_A_DAY;
    summary.messages += counters.get(FIELD.messages) ?? 0;
    await Promise.all(
      Array.from({ length: HELP_A_DAY }, (_, i) =>
        helpLog.record({
          village: VILLAGES[(dayNo + i) % VILLAGES.length]!,
          topic: TOPICS[i % TOPICS.length]!,
          filedOnline: i % 2 === 0,
          postalReturn: i % 3 === 0,
          vneidActivated: i % 5 === 0,
          at: Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6)), 3, i),
        }),
      ),
    );
    summary.helpSessions += HELP_A_DAY;
  }
  await redis.set(k.seenTrimmed(days.at(-1)!), '1', 'EX', 90_000);
  return summary;
}
