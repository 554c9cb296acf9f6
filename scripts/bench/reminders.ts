import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { buildReminders, type Reminders } from '../../src/compose-reminders';
import type { ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { NO_USAGE_LOG } from '../../src/core/usage';
import type { UserRef } from '../../src/core/user';
import { loadI18n, type Translate } from '../../src/i18n';
import { createLogger, type Logger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { OUTBOX_CONCURRENCY, startOutboxWorker } from '../../src/queues/outbox-worker';
import { REMINDERS_QUEUE, reminderJobId } from '../../src/queues/reminder-queue';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { percentile, report, round } from './stats';

const bench = 'reminders';
const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEDULED = 100_000;
const PER_RESIDENT = 5;
const IN_FLIGHT = 50;
const BURST = 1_000;
/** from the start of scheduling the burst to the instant all of it falls due */
const BURST_LEAD_MS = 3_000;

/** What residents ask to be reminded of: 40–60 characters, with diacritics (2–3 bytes each in UTF-8). */
const TEXTS = [
  'Lên UBND xã làm đăng ký khai sinh cho cháu nội',
  'Mang CCCD và sổ hộ khẩu lên xã nhận kết quả chứng thực',
  'Nộp lệ phí cấp giấy chứng nhận quyền sử dụng đất',
  'Đi công an xã làm thủ tục đăng ký thường trú cho vợ',
  'Lên bộ phận một cửa nhận giấy xác nhận tình trạng hôn nhân',
  'Mang giấy chứng sinh lên xã đăng ký khai sinh cho con',
  'Nộp hồ sơ xin trợ cấp cho người cao tuổi ở thôn 3',
  'Đi làm lại căn cước công dân bị mất tại công an huyện',
  'Lên xã ký biên bản đo đạc lại thửa đất nhà mình',
  'Đăng ký khai tử cho ông nội trước hạn mười lăm ngày',
  'Nhận tiền hỗ trợ hộ nghèo tại nhà văn hóa thôn chiều nay',
  'Nộp tờ khai đăng ký kết hôn, mang theo CCCD của hai người',
] as const;

/** Telegram user ids are 9–10 digits. */
const resident = (i: number): UserRef => ({ channel: 'telegram', id: String(5_100_000_000 + i) });

/**
 * Reminders: (1) 100,000 reminders (20,000 residents × 5, random times over 30 days) added through
 * ReminderService.add with 50 in flight; (2) Redis memory per reminder with its BullMQ job, and where it
 * goes (MEMORY USAGE); (3) lateness when 1,000 fall due in the same instant, through the reminder worker
 * and a real outbox worker to a recording sender, without a limiter and with Telegram's 25/s.
 */
export async function benchReminders(redisUrl: string, localesDir = 'locales'): Promise<void> {
  const redis = new Redis(redisUrl);
  const logger = createLogger('warn');
  const { t } = loadI18n(localesDir);
  try {
    await scheduleMany(redis, logger, t);
    await burst(redis, redisUrl, logger, t, 'off');
    await burst(redis, redisUrl, logger, t, 'telegram');
  } finally {
    redis.disconnect();
  }
}

function wire(redis: Redis, prefix: string, logger: Logger, t: Translate, outbox?: Outbox): Reminders {
  return buildReminders({
    usage: NO_USAGE_LOG,
    redis,
    prefix,
    logger,
    clock: { now: () => Date.now() },
    outbox: (channel) => (channel === 'telegram' ? outbox : undefined),
    t,
  });
}

/** Runs `task(0 … n-1)` with at most `inFlight` at a time. */
async function pool(n: number, inFlight: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const match = /^used_memory:(\d+)/m.exec(info);
  if (!match) throw new Error('no used_memory in INFO memory');
  return Number(match[1]);
}

async function memoryUsage(redis: Redis, key: string, all = false): Promise<number> {
  const args = all ? [key, 'SAMPLES', '0'] : [key];
  return Number((await redis.call('MEMORY', 'USAGE', ...args)) ?? 0);
}

async function meanUsage(redis: Redis, keys: readonly string[]): Promise<number> {
  let sum = 0;
  for (const key of keys) sum += await memoryUsage(redis, key);
  return sum / keys.length;
}

async function scheduleMany(redis: Redis, logger: Logger, t: Translate): Promise<void> {
  const prefix = 'rb1:'; // as long as production's 'dvc:', so key names cost the same
  const queuePrefix = prefix.slice(0, -1);
  const residents = SCHEDULED / PER_RESIDENT;
  const reminders = wire(redis, prefix, logger, t);
  // As the redis-server that `npm start` and docker-compose.yml run (see storage/redis-process.ts).
  await redis.config('SET', 'hash-max-listpack-value', '256');
  const before = await usedMemory(redis);
  const now = Date.now();
  const sample: { id: string; at: number; user: UserRef }[] = [];
  let refused = 0;
  const t0 = performance.now();
  await pool(SCHEDULED, IN_FLIGHT, async (i) => {
    const user = resident(i % residents);
    const at = now + 60_000 + Math.floor(Math.random() * 30 * DAY_MS);
    const added = await reminders.add({ user, text: TEXTS[i % TEXTS.length]!, at, locale: 'vi' }, Date.now());
    if (!added.ok) refused++;
    else if (i % 5_000 === 0) sample.push({ id: added.reminder.id, at: added.reminder.at, user });
  });
  const seconds = (performance.now() - t0) / 1000;
  const after = await usedMemory(redis);
  const textBytes = TEXTS.reduce((s, x) => s + Buffer.byteLength(x), 0) / TEXTS.length;
  const textChars = TEXTS.reduce((s, x) => s + [...x].length, 0) / TEXTS.length;
  const context = { reminders: SCHEDULED, residents, in_flight: IN_FLIGHT, refused };
  report({ bench, metric: 'schedule_100k_seconds', value: round(seconds, 2), unit: 's', context });
  report({
    bench,
    metric: 'schedule_reminders_per_second',
    value: Math.round(SCHEDULED / seconds),
    unit: 'reminders/s',
    context: { ...context, text_chars_mean: round(textChars, 1), text_bytes_mean: round(textBytes, 1) },
  });

  const perReminder = (after - before) / SCHEDULED;
  report({
    bench,
    metric: 'redis_bytes_per_reminder',
    value: Math.round(perReminder),
    unit: 'bytes',
    target: '<= 1024',
    ok: perReminder <= 1024,
    context: { used_memory_before: before, used_memory_after: after, reminders: SCHEDULED },
  });

  // Where it goes: MEMORY USAGE counts a key's name, value and dict entry (not the keyspace's buckets).
  const q = `${queuePrefix}:${REMINDERS_QUEUE}`;
  const jobKeys = sample.map((s) => `${q}:${reminderJobId(s.id, s.at)}`);
  const jobHash = await meanUsage(redis, jobKeys);
  const firstJob = jobKeys[0]!;
  const jobFields = (await redis.hgetall(firstJob)) as Record<string, string>;
  const queueKeys = await redis.keys(`${q}:*`);
  const named = new Set([`${q}:delayed`, `${q}:events`]);
  const jobKeySet = new Set<string>();
  let otherQueue = 0;
  for (const key of queueKeys) {
    if (named.has(key)) continue;
    if (key.startsWith(`${q}:rem-`)) jobKeySet.add(key);
    else otherQueue += await memoryUsage(redis, key, true);
  }
  const parts = {
    record: await meanUsage(
      redis,
      sample.map((s) => `${prefix}rem:${s.id}`),
    ),
    user_set:
      (await meanUsage(redis, [...new Set(sample.map((s) => `${prefix}rem-user:telegram:${s.user.id}`))])) /
      PER_RESIDENT,
    due_zset: (await memoryUsage(redis, `${prefix}rem-due`, true)) / SCHEDULED,
    job_hash: jobHash,
    delayed_zset: (await memoryUsage(redis, `${q}:delayed`, true)) / SCHEDULED,
    events_stream: (await memoryUsage(redis, `${q}:events`, true)) / SCHEDULED,
    queue_other_keys: otherQueue / SCHEDULED,
  };
  const attributed = Object.values(parts).reduce((s, x) => s + x, 0);
  const breakdown = { ...parts, unattributed: perReminder - attributed };
  for (const [part, bytes] of Object.entries(breakdown)) {
    report({
      bench,
      metric: `bytes_per_reminder_${part}`,
      value: Math.round(bytes),
      unit: 'bytes',
      context: { share_of_total: round(bytes / perReminder, 3) },
    });
  }
  report({
    bench,
    metric: 'job_hash_shape',
    value: Object.keys(jobFields).length,
    unit: 'fields',
    context: {
      encoding: String(await redis.object('ENCODING', firstJob)),
      jobs: jobKeySet.size,
      events_xlen: await redis.xlen(`${q}:events`),
      record_json_bytes: Buffer.byteLength((await redis.get(`${prefix}rem:${sample[0]!.id}`)) ?? ''),
      job_bytes: Object.entries(jobFields).reduce((s, [k, v]) => s + k.length + Buffer.byteLength(v), 0),
      ...Object.fromEntries(
        Object.entries(jobFields).map(([k, v]) => [`field_${k}_bytes`, Buffer.byteLength(v)]),
      ),
    },
  });

  await reminders.close();
  await deleteKeys(redis, prefix);
}

/** Stands in for Telegram's servers: when each chat got its message. */
class TimingSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly at = new Map<string, number>();

  async send(chatId: string, _reply: Reply): Promise<void> {
    if (!this.at.has(chatId)) this.at.set(chatId, Date.now());
  }
}

async function burst(
  redis: Redis,
  redisUrl: string,
  logger: Logger,
  t: Translate,
  limiter: 'off' | 'telegram',
): Promise<void> {
  const prefix = limiter === 'off' ? 'rb2:' : 'rb3:';
  const queuePrefix = prefix.slice(0, -1);
  const sender = new TimingSender();
  // Limiter off: no pacing either, so only the reminder pipeline is measured. Limiter on: production's
  // settings throughout (1 s per chat, 25 messages/s), which is what residents would see.
  const outbox = new Outbox(redis, 'telegram', {
    prefix: queuePrefix,
    ...(limiter === 'off' ? { perChatIntervalMs: 0 } : {}),
  });
  const reminders = wire(redis, prefix, logger, t, outbox);
  const worker = startOutboxWorker({
    connection: { url: redisUrl },
    channel: 'telegram',
    prefix: queuePrefix,
    sender,
    onBlocked: async () => undefined,
    onGaveUp: async (data) => {
      if (data.kind === 'reminder' && data.ref) await reminders.deliveryFailed(data.ref);
    },
    logger,
    // as compose.ts runs it
    concurrency: OUTBOX_CONCURRENCY,
    ...(limiter === 'off' ? { limiter: null } : {}),
  });
  await reminders.startWorker(redisUrl);
  try {
    const start = Date.now();
    const at = start + BURST_LEAD_MS;
    const ids: string[] = [];
    await pool(BURST, IN_FLIGHT, async (i) => {
      const added = await reminders.add(
        { user: resident(i), text: TEXTS[i % TEXTS.length]!, at, locale: 'vi' },
        Date.now(),
      );
      if (!added.ok) throw new Error(`reminder ${i} refused: ${added.reason}`);
      ids[i] = added.reminder.id;
    });
    const scheduledIn = Date.now() - start;
    const deadline = at + (limiter === 'off' ? 30_000 : 90_000);
    while (sender.at.size < BURST && Date.now() < deadline) await sleep(50);

    // Handed to the outbox: the outbox job's timestamp, set when fire() added it.
    const pipeline = redis.pipeline();
    for (const id of ids)
      pipeline.hget(`${queuePrefix}:outbox-telegram:${reminderJobId(id, at)}`, 'timestamp');
    const handed = ((await pipeline.exec()) ?? [])
      .map(([, v]) => Number(v) - at)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const received = [...sender.at.values()].map((x) => x - at).sort((a, b) => a - b);
    const context = {
      reminders: BURST,
      limiter: limiter === 'off' ? 'none' : '25/s (default)',
      scheduled_in_ms: scheduledIn,
      due_after_ms: BURST_LEAD_MS,
      received: received.length,
    };
    const figures: [string, readonly number[]][] = [
      ['handed_to_outbox', handed],
      ['at_sender', received],
    ];
    for (const [what, sorted] of figures) {
      const suffix = limiter === 'off' ? '' : '_telegram_limiter';
      for (const p of [50, 99, 100] as const) {
        const value = Math.round(percentile(sorted, p));
        const pipelineP99 = limiter === 'off' && p === 99;
        report({
          bench,
          metric: `lateness_${what}${suffix}_${p === 100 ? 'max' : `p${p}`}_ms`,
          value,
          unit: 'ms',
          ...(pipelineP99 ? { target: '<= 1000', ok: value <= 1000 } : {}),
          context: { ...context, measured: sorted.length },
        });
      }
    }
  } finally {
    await reminders.close();
    await worker.close();
    await outbox.close();
    await deleteKeys(redis, prefix);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
