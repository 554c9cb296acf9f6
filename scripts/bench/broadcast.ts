import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { type AnswerEngine, createAnswerEngine } from '../../src/answer-engine';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { createZaloSender } from '../../src/channels/zalo/sender';
import { type Broadcasts, buildBroadcasts } from '../../src/compose-broadcasts';
import { ALL_VILLAGES } from '../../src/core/broadcast';
import type { ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { NO_USAGE_LOG } from '../../src/core/usage';
import type { Channel } from '../../src/core/user';
import { createLogger, type Logger } from '../../src/logger';
import type { BroadcastServiceDeps } from '../../src/queues/broadcast-service';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import type { OutboxJobData } from '../../src/queues/outbox-job';
import { queuePrefix } from '../../src/queues/outbox-keys';
import {
  DEFAULT_OUTBOX_LIMITERS,
  OUTBOX_CONCURRENCY,
  type OutboxLimiter,
  type OutboxWorkerHandle,
  startOutboxWorker,
} from '../../src/queues/outbox-worker';
import { RedisChoiceStore } from '../../src/storage/redis-choice-store';
import { connectAppRedis, createAppRedis } from '../../src/storage/redis-client';
import { keys } from '../../src/storage/redis-keys';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { startFakeProcess } from './fake-process';
import { percentile, report, round } from './stats';

const bench = 'broadcast';
const TELEGRAM = 6_000;
const ZALO = 4_000;
const COUNTS: Record<'telegram' | 'zalo', number> = { telegram: TELEGRAM, zalo: ZALO };
/** measured after the first second of sending, for this long */
const RAMP_MS = 1_000;
const WINDOW_MS = 20_000;
/** the staff member who wrote the announcement (gets the progress reports; not a listener) */
const AUTHOR = 'telegram:5299999999';
const TEXT =
  'Thông báo: 7 giờ sáng Chủ nhật 6/12, toàn xã ra quân tổng vệ sinh đường làng, ngõ xóm. Mỗi hộ cử ít ' +
  'nhất một người, mang theo chổi, cuốc, xẻng. Trưởng thôn điểm danh tại nhà văn hóa thôn.';

/** Telegram user ids are 9–10 digits; Zalo's are 20 hex characters (test/helpers/fake-zalo-api.ts). */
const telegramId = (i: number): string => String(5_200_000_000 + i);
const zaloId = (i: number): string => createHash('sha1').update(`zalo-${i}`).digest('hex').slice(0, 20);

type Fake = Awaited<ReturnType<typeof startFakeProcess>>;
interface Fakes {
  readonly telegram: Fake;
  readonly zalo: Fake;
}

/**
 * Village announcements (ARCHITECTURE §6, queues/broadcast-service.ts) with 10,000 listeners: 6,000
 * Telegram + 4,000 Zalo over the commune's 7 villages, announcement to all villages, production wiring
 * (buildBroadcasts, the app's fail-fast Redis client, the Outbox, startOutboxWorker with the hooks
 * compose.ts gives it), the fake Bot APIs each in a process of their own.
 * (1) fan-out: fanOut(id) until every outbox job is queued; (2) the send rate under the configured
 * limits, over a 20 s window; (3) limits off, one worker per channel in this process, concurrency
 * 8/32/128, with where the time goes.
 */
export async function benchBroadcast(redisUrl: string, contentDir = 'content', localesDir = 'locales') {
  const redis = new Redis(redisUrl);
  const logger = createLogger('warn');
  const engine = createAnswerEngine(contentDir, localesDir);
  // As the redis-server that `npm start` and docker-compose.yml run (see storage/redis-process.ts).
  await redis.config('SET', 'hash-max-listpack-value', '256');
  const [telegram, zalo] = await Promise.all([startFakeProcess('telegram'), startFakeProcess('zalo')]);
  const fakes: Fakes = { telegram, zalo };
  try {
    await limited(redis, redisUrl, engine, logger, fakes);
    const runs: RunResult[] = [];
    let n = 2;
    for (const concurrency of [8, 32, 128]) {
      runs.push(await unlimited(redis, redisUrl, engine, logger, fakes, `bb${n++}:`, { concurrency }));
    }
    runs.push(
      await unlimited(redis, redisUrl, engine, logger, fakes, `bb${n++}:`, {
        concurrency: 128,
        hooks: false,
      }),
    );
    for (const channel of ['telegram', 'zalo'] as const) {
      runs.push(
        await unlimited(redis, redisUrl, engine, logger, fakes, `bb${n++}:`, {
          concurrency: 128,
          channels: [channel],
        }),
      );
    }
    runs.push(await breakdown(redis, redisUrl, engine, logger, fakes, `bb${n++}:`));
    const fanOuts = runs
      .filter((r) => r.messages === TELEGRAM + ZALO)
      .map((r) => r.fanOutMs)
      .sort((a, b) => a - b);
    report({
      bench,
      metric: 'fanout_ms_other_runs',
      value: Math.round(percentile(fanOuts, 50)),
      unit: 'ms (median)',
      context: {
        runs: fanOuts.length,
        min: Math.round(fanOuts[0]!),
        max: Math.round(fanOuts.at(-1)!),
        note: 'the fan-out of 10,000 before each run of part 3, in a process that has fanned out before',
      },
    });
  } finally {
    telegram.stop();
    zalo.stop();
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Wiring, as compose.ts does it

interface Rig {
  readonly prefix: string;
  readonly qp: string;
  readonly app: Redis;
  readonly outboxes: Readonly<Record<string, Outbox>>;
  readonly broadcasts: Broadcasts;
  /** the channels the next announcement goes to */
  readonly channels: string[];
  close(): Promise<void>;
}

async function rig(
  redisUrl: string,
  prefix: string,
  engine: AnswerEngine,
  logger: Logger,
  channels: string[],
): Promise<Rig> {
  const app = createAppRedis(redisUrl, logger);
  await connectAppRedis(app);
  const qp = queuePrefix(prefix);
  const outboxes: Record<string, Outbox> = {
    telegram: new Outbox(app, 'telegram', { prefix: qp, logger }),
    zalo: new Outbox(app, 'zalo', { prefix: qp, logger }),
  };
  const broadcasts = buildBroadcasts({
    redis: app,
    prefix,
    logger,
    clock: { now: () => Date.now() },
    outbox: (channel) => outboxes[channel],
    channels: () => channels,
    commune: () => engine.kb.commune,
    t: engine.i18n.t,
    dailyCap: 3,
    usage: NO_USAGE_LOG,
  });
  return {
    prefix,
    qp,
    app,
    outboxes,
    broadcasts,
    channels,
    async close() {
      await broadcasts.close();
      for (const outbox of Object.values(outboxes)) await outbox.close();
      await app.quit();
    },
  };
}

/**
 * The village listener sets filled directly with SADD (what RedisResidentStore.save does for a profile with
 * a village, without writing 10,000 profiles): ids round-robin over the villages.
 */
async function seed(redis: Redis, prefix: string, villages: readonly string[]): Promise<void> {
  const k = keys(prefix);
  const pipeline = redis.pipeline();
  for (let i = 0; i < TELEGRAM; i++)
    pipeline.sadd(k.villageMembers(villages[i % villages.length]!, 'telegram'), telegramId(i));
  for (let i = 0; i < ZALO; i++)
    pipeline.sadd(k.villageMembers(villages[i % villages.length]!, 'zalo'), zaloId(i));
  await pipeline.exec();
}

/** The real sender, noting when each send started and how long it took. */
class Recorder implements ChannelSender {
  readonly channel: Channel;
  readonly starts: number[] = [];
  done = 0;
  sendMs = 0;

  constructor(private readonly inner: ChannelSender) {
    this.channel = inner.channel;
  }

  async send(chatId: string, reply: Reply): Promise<void> {
    const t = performance.now();
    this.starts.push(t);
    await this.inner.send(chatId, reply);
    this.sendMs += performance.now() - t;
    this.done++;
  }
}

function recorder(channel: 'telegram' | 'zalo', fakes: Fakes, r: Rig): Recorder {
  const fake = fakes[channel];
  return new Recorder(
    channel === 'telegram'
      ? createTelegramSender(fake.token, fake.url)
      : // as the Zalo adapter builds it (announcements have no buttons, so no hint is ever shown)
        createZaloSender(fake.token, fake.url, new RedisChoiceStore(r.app, r.prefix), () => ''),
  );
}

interface HookTimes {
  stillWanted: { n: number; ms: number };
  onDelivered: { n: number; ms: number };
}

/** startOutboxWorker with the hooks compose.ts gives it (hooks: false → as the telegram/zalo-outbox benches). */
function startWorker(
  r: Rig,
  redisUrl: string,
  sender: Recorder,
  logger: Logger,
  o: { concurrency: number; limiter?: OutboxLimiter | null; hooks?: boolean; times?: HookTimes },
): OutboxWorkerHandle {
  const channel = sender.channel;
  const timed = <T>(slot: { n: number; ms: number } | undefined, p: () => Promise<T>) => {
    if (!slot) return p();
    const t = performance.now();
    return p().finally(() => {
      slot.n++;
      slot.ms += performance.now() - t;
    });
  };
  return startOutboxWorker({
    connection: { url: redisUrl },
    channel,
    prefix: r.qp,
    sender,
    concurrency: o.concurrency,
    ...(o.limiter !== undefined ? { limiter: o.limiter } : {}),
    onBlocked: async () => undefined,
    ...(o.hooks === false
      ? {}
      : {
          onGaveUp: (data: OutboxJobData, reason: 'blocked' | 'refused' | 'failed') =>
            r.broadcasts.outcome(data, channel, reason === 'blocked' ? 'blocked' : 'failed'),
          onDelivered: (data: OutboxJobData) =>
            timed(o.times?.onDelivered, () => r.broadcasts.outcome(data, channel, 'sent')),
          stillWanted: (data: OutboxJobData) =>
            timed(o.times?.stillWanted, () => r.broadcasts.stillWanted(data)),
        }),
    logger,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitingJobs(redis: Redis, qp: string, channel: string): Promise<number> {
  return redis.llen(`${qp}:outbox-${channel}:wait`);
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1]);
}

/** Most sends that started within any 1,000 ms (a sliding window over every start), and where it starts. */
function slidingPeak(starts: readonly number[], ms = 1000): { count: number; at: number } {
  const s = [...starts].sort((a, b) => a - b);
  let best = { count: 0, at: Number.NaN };
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= ms) j++;
    if (i - j + 1 > best.count) best = { count: i - j + 1, at: s[j]! };
  }
  return best;
}

const slidingMax = (starts: readonly number[], ms = 1000): number => slidingPeak(starts, ms).count;

/** Sends in consecutive 1 s windows from `from` (as BullMQ's limiter counts: fixed windows). */
function perSecond(starts: readonly number[], from: number, seconds: number): number[] {
  const counts = new Array<number>(seconds).fill(0);
  for (const t of starts) {
    const k = Math.floor((t - from) / 1000);
    if (k >= 0 && k < seconds) counts[k]!++;
  }
  return counts;
}

/** messages/s between the 10th and the 90th percentile of send starts (the steady part of a drain) */
function steadyRate(starts: readonly number[]): number {
  const s = [...starts].sort((a, b) => a - b);
  const lo = Math.floor(s.length * 0.1);
  const hi = Math.floor(s.length * 0.9);
  return ((hi - lo) / (s[hi]! - s[lo]!)) * 1000;
}

interface FanOut {
  readonly id: string;
  readonly ms: number;
  readonly enqueueMs: number;
  readonly listenersMs: number;
  readonly capsMs: number;
  readonly pages: number;
  readonly queued: Record<string, number>;
}

/**
 * Creates an announcement to all villages and runs its fan-out here (what the broadcasts worker does when
 * it falls due). The parts are timed by wrapping the store's and the outboxes' methods on these instances.
 */
async function fanOut(r: Rig, redis: Redis): Promise<FanOut> {
  const b = await r.broadcasts.create(
    { text: TEXT, villages: [ALL_VILLAGES], at: Date.now(), by: AUTHOR, needsApproval: false },
    Date.now(),
  );
  // The service's store is private; reached here only to time its calls.
  const store = (r.broadcasts as unknown as { deps: BroadcastServiceDeps }).deps.store;
  const t = { enqueueMs: 0, listenersMs: 0, capsMs: 0, pages: 0 };
  const wrap = <K extends 'listeners' | 'takeCaps'>(name: K, slot: 'listenersMs' | 'capsMs') => {
    const original = store[name].bind(store) as (...a: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = async (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return await original(...a);
      } finally {
        t[slot] += performance.now() - t0;
      }
    };
    return () => delete (store as unknown as Record<string, unknown>)[name];
  };
  const undo = [wrap('listeners', 'listenersMs'), wrap('takeCaps', 'capsMs')];
  for (const outbox of Object.values(r.outboxes)) {
    const original = outbox.enqueueMany.bind(outbox);
    outbox.enqueueMany = async (jobs) => {
      const t0 = performance.now();
      try {
        await original(jobs);
      } finally {
        t.enqueueMs += performance.now() - t0;
        t.pages++;
      }
    };
    undo.push(() => delete (outbox as unknown as Record<string, unknown>).enqueueMany);
  }
  const t0 = performance.now();
  await r.broadcasts.fanOut(b.id);
  const ms = performance.now() - t0;
  for (const u of undo) u();
  const queued: Record<string, number> = {};
  for (const channel of r.channels) queued[channel] = await waitingJobs(redis, r.qp, channel);
  return { id: b.id, ms, ...t, queued };
}

// ---------------------------------------------------------------------------------------------------------
// (1) fan-out and (2) the configured limits

async function limited(redis: Redis, redisUrl: string, engine: AnswerEngine, logger: Logger, fakes: Fakes) {
  const prefix = 'bb1:'; // as long as production's 'dvc:'
  const villages = engine.kb.commune.villages.map((v) => v.id);
  await seed(redis, prefix, villages);
  const r = await rig(redisUrl, prefix, engine, logger, ['telegram', 'zalo']);
  const workers: OutboxWorkerHandle[] = [];
  try {
    const before = await usedMemory(redis);
    const f = await fanOut(r, redis);
    const after = await usedMemory(redis);
    const jobs = (f.queued.telegram ?? 0) + (f.queued.zalo ?? 0);
    if (jobs !== TELEGRAM + ZALO) throw new Error(`fan-out queued ${jobs} jobs, expected ${TELEGRAM + ZALO}`);
    const context = {
      recipients: TELEGRAM + ZALO,
      telegram: f.queued.telegram ?? 0,
      zalo: f.queued.zalo ?? 0,
      villages: villages.length,
      pages: f.pages,
    };
    report({ bench, metric: 'fanout_10k_ms', value: Math.round(f.ms), unit: 'ms', context });
    report({
      bench,
      metric: 'fanout_jobs_per_second',
      value: Math.round((jobs / f.ms) * 1000),
      unit: 'jobs/s',
      context,
    });
    const other = f.ms - f.listenersMs - f.capsMs - f.enqueueMs;
    for (const [part, ms] of [
      ['sscan_listeners', f.listenersMs],
      ['daily_cap_scripts', f.capsMs],
      ['enqueue_many_addbulk', f.enqueueMs],
      ['other', other],
    ] as const) {
      report({
        bench,
        metric: `fanout_part_${part}_ms`,
        value: Math.round(ms),
        unit: 'ms',
        context: { share: round(ms / f.ms, 3) },
      });
    }
    report({
      bench,
      metric: 'fanout_redis_bytes_per_recipient',
      value: Math.round((after - before) / jobs),
      unit: 'bytes',
      context: { what: 'outbox job + wait list entry + daily-cap set + events stream, until sent' },
    });
    // A fan-out that died part-way runs again from the start: nothing is added twice.
    const t0 = performance.now();
    await r.broadcasts.fanOut(f.id);
    const rerunMs = performance.now() - t0;
    const again =
      (await waitingJobs(redis, r.qp, 'telegram')) + (await waitingJobs(redis, r.qp, 'zalo')) - jobs;
    report({
      bench,
      metric: 'fanout_again_ms',
      value: Math.round(rerunMs),
      unit: 'ms',
      context: { jobs_added: again },
    });

    // (2) production settings: concurrency 8, Telegram 25/s, Zalo none; both workers at once, as a worker
    // process runs them. Then Zalo again with 25/s, on a second announcement to its listeners.
    const tg = recorder('telegram', fakes, r);
    const zaloFree = recorder('zalo', fakes, r);
    const tgStart = performance.now();
    workers.push(startWorker(r, redisUrl, tg, logger, { concurrency: OUTBOX_CONCURRENCY }));
    const zaloWorker = startWorker(r, redisUrl, zaloFree, logger, { concurrency: OUTBOX_CONCURRENCY });
    await waitFor(() => zaloFree.done >= ZALO, 60_000, 'the Zalo messages');
    const zaloFreeEnd = performance.now();
    const zaloFreeMs = zaloFreeEnd - tgStart;
    await zaloWorker.close();

    r.channels.splice(0, r.channels.length, 'zalo');
    const f2 = await fanOut(r, redis);
    const zaloLimited = recorder('zalo', fakes, r);
    // Zalo publishes no limit and the bot sets none; for a figure comparable with Telegram's, the same limiter.
    const limiter = DEFAULT_OUTBOX_LIMITERS.telegram!;
    const limit = (limiter.max * 1000) / limiter.duration;
    workers.push(startWorker(r, redisUrl, zaloLimited, logger, { concurrency: OUTBOX_CONCURRENCY, limiter }));
    await waitFor(() => tg.starts.length > 0 && zaloLimited.starts.length > 0, 30_000, 'first sends');
    const end = Math.max(tg.starts[0]!, zaloLimited.starts[0]!) + RAMP_MS + WINDOW_MS + 300;
    while (performance.now() < end) await sleep(100);
    for (const w of workers.splice(0)) await w.close();

    const configured = `${limiter.max} per ${limiter.duration} ms`;
    for (const [name, rec, max] of [
      ['telegram', tg, limit],
      ['zalo_limiter_25', zaloLimited, limit],
    ] as const) {
      const from = rec.starts[0]! + RAMP_MS;
      const windows = perSecond(rec.starts, from, WINDOW_MS / 1000);
      const inWindow = windows.reduce((s, x) => s + x, 0);
      const rate = inWindow / (WINDOW_MS / 1000);
      const { count: peak, at: peakAt } = slidingPeak(rec.starts);
      report({
        bench,
        metric: `${name}_messages_per_second`,
        value: round(rate, 2),
        unit: 'msg/s',
        target: `${round(0.95 * max, 2)}–${max}`,
        ok: rate >= 0.95 * max && rate <= max,
        context: {
          limit: `${max}/s`,
          limiter: configured,
          window_s: WINDOW_MS / 1000,
          after_first_send_ms: RAMP_MS,
          sent_in_window: inWindow,
          per_second_min: Math.min(...windows),
          per_second_max: Math.max(...windows),
          concurrency: OUTBOX_CONCURRENCY,
          ...(name === 'telegram'
            ? {
                extrapolated_6000_s: Math.round(TELEGRAM / rate),
                extrapolated_10000_s: Math.round(10_000 / rate),
              }
            : { extrapolated_4000_s: Math.round(ZALO / rate), fanout_ms: Math.round(f2.ms) }),
        },
      });
      report({
        bench,
        metric: `${name}_max_sends_in_any_1s`,
        value: peak,
        unit: 'messages',
        target: `<= ${max}`,
        ok: peak <= max,
        context: {
          sends_measured: rec.starts.length,
          sliding: true,
          peak_from_s: round((peakAt - rec.starts[0]!) / 1000, 2),
          ...(name === 'telegram'
            ? { zalo_burst_ended_s: round((zaloFreeEnd - tg.starts[0]!) / 1000, 2) }
            : {}),
        },
      });
    }
    report({
      bench,
      metric: 'zalo_no_limiter_messages_per_second',
      value: Math.round(steadyRate(zaloFree.starts)),
      unit: 'msg/s',
      context: {
        limiter: 'none (production: Zalo publishes no limit)',
        concurrency: OUTBOX_CONCURRENCY,
        messages: ZALO,
        all_4000_ms: Math.round(zaloFreeMs),
        whole_drain_rate: Math.round((ZALO / zaloFreeMs) * 1000),
        max_sends_in_any_1s: slidingMax(zaloFree.starts),
        steady: '10th to 90th percentile of send starts',
        alongside: 'the Telegram worker at 25/s in the same process',
      },
    });
    const counts = {
      telegram: await outboxCounts(redis, r.qp, 'telegram'),
      zalo: await outboxCounts(redis, r.qp, 'zalo'),
    };
    const trouble = (c: Awaited<ReturnType<typeof outboxCounts>>) =>
      c.retried + c.failed + c.rate_limited + c.dropped;
    report({
      bench,
      metric: 'limited_run_errors',
      value: trouble(counts.telegram) + trouble(counts.zalo),
      unit: 'retried+failed+rate_limited+dropped',
      context: { telegram_sent: counts.telegram.sent, zalo_sent: counts.zalo.sent },
    });
  } finally {
    for (const w of workers) await w.close();
    await r.close();
    await deleteKeys(redis, prefix);
  }
}

// ---------------------------------------------------------------------------------------------------------
// (3) limits off

interface CpuSnapshot {
  readonly self: number;
  readonly redis: number;
  readonly fakes: number;
}

/** CPU time (ms) of a process and its descendants (tsx runs the fake in a child of its CLI). */
function treeCpuMs(pid: number): number {
  let ms = 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) ms += treeCpuMs(Number(child));
    }
  } catch {
    // exited
  }
  return ms;
}

async function cpu(redis: Redis, fakes: Fakes): Promise<CpuSnapshot> {
  const info = await redis.info('cpu');
  const get = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  const u = process.cpuUsage();
  return {
    self: (u.user + u.system) / 1000,
    redis: (get('used_cpu_user') + get('used_cpu_sys')) * 1000,
    fakes: treeCpuMs(fakes.telegram.pid) + treeCpuMs(fakes.zalo.pid),
  };
}

async function commandStats(redis: Redis): Promise<Map<string, { calls: number; usec: number }>> {
  const out = new Map<string, { calls: number; usec: number }>();
  for (const m of (await redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    out.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  }
  return out;
}

interface RunOptions {
  readonly concurrency: number;
  readonly hooks?: boolean;
  readonly channels?: readonly ('telegram' | 'zalo')[];
  readonly times?: HookTimes;
  /** called with the rig once the jobs are queued, before the workers start; its result runs after */
  readonly around?: (r: Rig) => Promise<() => Promise<void>>;
}

interface RunResult {
  readonly fanOutMs: number;
  readonly messages: number;
  readonly seconds: number;
  readonly recorders: Recorder[];
}

async function unlimited(
  redis: Redis,
  redisUrl: string,
  engine: AnswerEngine,
  logger: Logger,
  fakes: Fakes,
  prefix: string,
  o: RunOptions,
  label = `c${o.concurrency}${o.hooks === false ? '_without_broadcast_hooks' : ''}${o.channels?.length === 1 ? `_${o.channels[0]}_alone` : ''}`,
): Promise<RunResult> {
  const channels = [...(o.channels ?? ['telegram', 'zalo'])];
  await seed(
    redis,
    prefix,
    engine.kb.commune.villages.map((v) => v.id),
  );
  const r = await rig(redisUrl, prefix, engine, logger, channels);
  const workers: OutboxWorkerHandle[] = [];
  try {
    const f = await fanOut(r, redis);
    const messages = channels.reduce((s, c) => s + COUNTS[c], 0);
    const recorders = channels.map((c) => recorder(c, fakes, r));
    const after = o.around ? await o.around(r) : undefined;
    await redis.config('RESETSTAT');
    const c0 = await cpu(redis, fakes);
    const t0 = performance.now();
    const doneAt: Record<string, number> = {};
    for (const rec of recorders) {
      workers.push(
        startWorker(r, redisUrl, rec, logger, {
          concurrency: o.concurrency,
          limiter: null,
          ...(o.hooks === false ? { hooks: false } : {}),
          ...(o.times ? { times: o.times } : {}),
        }),
      );
    }
    await waitFor(
      async () => {
        for (const c of channels) {
          if (doneAt[c] === undefined && (await outboxCounts(redis, r.qp, c)).sent >= COUNTS[c])
            doneAt[c] = performance.now();
        }
        return channels.every((c) => doneAt[c] !== undefined);
      },
      120_000,
      `the messages of run ${label}`,
    );
    const seconds = (performance.now() - t0) / 1000;
    const c1 = await cpu(redis, fakes);
    const stats = await commandStats(redis);
    await after?.();
    const rate = messages / seconds;
    const perMsg = (ms: number) => round(ms / messages, 3);
    const calls = [...stats.values()].reduce((s, x) => s + x.calls, 0);
    const perChannel: Record<string, number> = {};
    for (const rec of recorders) {
      perChannel[`${rec.channel}_msg_per_s`] = Math.round(
        COUNTS[rec.channel as 'telegram']! / ((doneAt[rec.channel]! - t0) / 1000),
      );
      perChannel[`${rec.channel}_send_ms_mean`] = round(rec.sendMs / rec.done, 2);
    }
    const allStarts = recorders.flatMap((x) => x.starts);
    report({
      bench,
      metric: `no_limiter_${label}_messages_per_second`,
      value: Math.round(rate),
      unit: 'msg/s',
      target: '>= 2000',
      ok: rate >= 2000,
      context: {
        messages,
        channels: channels.join('+'),
        concurrency_per_worker: o.concurrency,
        broadcast_hooks: o.hooks !== false,
        seconds: round(seconds, 2),
        steady_msg_per_s: Math.round(steadyRate(allStarts)),
        ...perChannel,
        cpu_ms_per_msg_worker_process: perMsg(c1.self - c0.self),
        cpu_ms_per_msg_redis: perMsg(c1.redis - c0.redis),
        cpu_ms_per_msg_fakes: perMsg(c1.fakes - c0.fakes),
        cpu_busy_of_2_cores: round(
          (c1.self - c0.self + c1.redis - c0.redis + c1.fakes - c0.fakes) / (seconds * 2000),
          3,
        ),
        redis_commands_per_msg: round(calls / messages, 2),
      },
    });
    return { fanOutMs: f.ms, messages, seconds, recorders };
  } finally {
    for (const w of workers) await w.close();
    await r.close();
    await deleteKeys(redis, prefix);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Where the time goes

interface Timing {
  n: number;
  ms: number;
}

/**
 * Round-trip time of every Redis command sent by this process, by client ('app': the fail-fast client of
 * the broadcast store; 'worker': the outbox worker's connection) and command (a script by its name),
 * from ioredis's sendCommand to the reply; commands queued in a MULTI count once, as their EXEC.
 */
function timeRedisCommands(app: Redis, skip: Redis): { stop: () => void; times: Map<string, Timing> } {
  const times = new Map<string, Timing>();
  const proto = Redis.prototype as unknown as {
    sendCommand: (
      this: Redis,
      command: { name: string; args: unknown[]; promise: Promise<unknown> },
      ...rest: unknown[]
    ) => unknown;
  };
  const original = proto.sendCommand;
  const names = new WeakMap<Redis, Map<string, string>>();
  const scriptName = (client: Redis, sha: string): string => {
    let map = names.get(client);
    if (!map?.has(sha)) {
      map = new Map();
      const scripts = (client as unknown as { scriptsSet: Record<string, { sha: string }> }).scriptsSet;
      for (const [name, s] of Object.entries(scripts)) map.set(s.sha, name);
      names.set(client, map);
    }
    return map.get(sha) ?? 'evalsha(?)';
  };
  let inMulti = new WeakSet<Redis>();
  proto.sendCommand = function (this: Redis, command, ...rest) {
    const name = command.name.toLowerCase();
    const blocking =
      name.startsWith('b') && (name === 'bzpopmin' || name === 'blpop' || name === 'brpoplpush');
    if (this !== skip && !blocking) {
      if (name === 'multi') inMulti.add(this);
      const counted = !inMulti.has(this) || name === 'exec';
      if (name === 'exec') inMulti.delete(this);
      if (counted) {
        const label = `${this === app ? 'app' : 'worker'} ${name === 'evalsha' ? scriptName(this, String(command.args[0])) : name === 'exec' ? 'multi…exec' : name}`;
        const t = performance.now();
        const record = () => {
          const slot = times.get(label) ?? { n: 0, ms: 0 };
          slot.n++;
          slot.ms += performance.now() - t;
          times.set(label, slot);
        };
        command.promise.then(record, record);
      }
    }
    return original.call(this, command, ...rest);
  };
  return {
    times,
    stop: () => {
      proto.sendCommand = original;
      inMulti = new WeakSet();
    },
  };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

const PACKAGES: Record<string, string> = {
  bullmq: 'bullmq',
  msgpackr: 'bullmq',
  ioredis: 'ioredis',
  'redis-parser': 'ioredis',
  denque: 'ioredis',
  'standard-as-callback': 'ioredis',
  'cluster-key-slot': 'ioredis',
  debug: 'ioredis',
  grammy: 'grammy (Telegram sender)',
  'node-fetch': 'grammy (Telegram sender)',
  'abort-controller': 'grammy (Telegram sender)',
  'whatwg-url': 'grammy (Telegram sender)',
  tr46: 'grammy (Telegram sender)',
  axios: 'axios (Zalo sender)',
  'follow-redirects': 'axios (Zalo sender)',
  'form-data': 'axios (Zalo sender)',
  'proxy-from-env': 'axios (Zalo sender)',
  zod: 'zod',
  pino: 'logger',
};

/**
 * CPU samples of this process by who caused them: the nearest frame in a package or in src/ (node's own
 * code — sockets, http, streams — counts for the package that called it; what no package called, such as
 * reading sockets from the event loop, is «node core»).
 */
function profileByPart(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = (n: ProfileNode): string | undefined => {
    const { functionName, url } = n.callFrame;
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'program (native, unattributed)';
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (pkg) return PACKAGES[pkg] ?? `other package (${pkg})`;
    const src = /\/src\/(.+)\.ts$/.exec(url)?.[1];
    if (src) return `src/${src}`;
    if (url.includes('/scripts/bench/')) return 'bench harness';
    return undefined;
  };
  const memo = new Map<number, string>();
  const part = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const up = parent.get(id);
    const found = own(n) ?? (up === undefined ? 'node core (event loop, socket reads)' : part(up));
    memo.set(id, found);
    return found;
  };
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const p = part(samples[i]!);
    ms.set(p, (ms.get(p) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return ms;
}

/**
 * One more run at production concurrency (8) with both channels, limits off, timed step by step: each
 * Redis command's round trip, the hooks, the send; and a CPU profile of this process (node:inspector),
 * summed by package. The profiler and the timers slow the run a little; its rate is not a figure.
 */
async function breakdown(
  redis: Redis,
  redisUrl: string,
  engine: AnswerEngine,
  logger: Logger,
  fakes: Fakes,
  prefix: string,
): Promise<RunResult> {
  const times: HookTimes = { stillWanted: { n: 0, ms: 0 }, onDelivered: { n: 0, ms: 0 } };
  const session = new Session();
  session.connect();
  let commands: ReturnType<typeof timeRedisCommands> | undefined;
  let profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] } | undefined;
  const run = await unlimited(
    redis,
    redisUrl,
    engine,
    logger,
    fakes,
    prefix,
    {
      concurrency: OUTBOX_CONCURRENCY,
      times,
      around: async (r) => {
        commands = timeRedisCommands(r.app, redis);
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
        return async () => {
          commands?.stop();
          profile = (await session.post('Profiler.stop')).profile as typeof profile;
        };
      },
    },
    'c8_instrumented',
  );
  session.disconnect();
  const messages = run.messages;
  const sendMs = run.recorders.reduce((s, x) => s + x.sendMs, 0);
  const steps: [string, Timing][] = [
    ['send (HTTP to the fake)', { n: run.recorders.reduce((s, x) => s + x.done, 0), ms: sendMs }],
    ['hook stillWanted (GET record)', times.stillWanted],
    ['hook onDelivered (count + read the tally, progress mark)', times.onDelivered],
    ...[...(commands?.times ?? new Map<string, Timing>()).entries()].sort((a, b) => b[1].ms - a[1].ms),
  ];
  for (const [step, t] of steps) {
    report({
      bench,
      metric: 'step_ms_per_message',
      value: round(t.ms / messages, 3),
      unit: 'ms',
      context: {
        step,
        calls_per_message: round(t.n / messages, 3),
        mean_ms_per_call: round(t.ms / Math.max(1, t.n), 3),
        concurrency: OUTBOX_CONCURRENCY,
        note: 'wall time; calls overlap (8 jobs per worker at once, 2 workers)',
      },
    });
  }
  const parts = profile ? profileByPart(profile) : new Map<string, number>();
  const busy = [...parts.entries()].filter(([p]) => p !== 'idle');
  const total = busy.reduce((s, [, x]) => s + x, 0);
  for (const [part, ms] of busy.sort((a, b) => b[1] - a[1])) {
    if (ms / total < 0.005) continue;
    report({
      bench,
      metric: 'cpu_profile_share',
      value: round(ms / total, 3),
      unit: 'of busy CPU samples',
      context: { part, ms_per_message: round(ms / messages, 4), idle_ms: Math.round(parts.get('idle') ?? 0) },
    });
  }
  return run;
}
