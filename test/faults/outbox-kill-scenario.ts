import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Outbox } from '../../src/queues/outbox';
import { type OutboxCounts, outboxCounts } from '../../src/queues/outbox-counts';
import { outboxKeys, outboxQueueName } from '../../src/queues/outbox-keys';
import type { FakeTelegram, RecordedCall } from '../helpers/fake-telegram-api';
import { until } from '../helpers/until';
import { startWorkerChild, type WorkerChild } from './worker-child';

/**
 * Where a SIGKILL lands:
 * - between-sends: the worker holds no job (nothing is due, or the limiter holds it back) and every
 *   call was answered;
 * - after-record: as soon as the delivery record exists of a message after which nothing is due;
 * - before-answer: the moment the fake received a message, before it answers (the duplicate window);
 * - random: 0–50 ms after the count was reached, wherever the worker is then.
 */
export type KillPoint = 'between-sends' | 'after-record' | 'before-answer' | 'random';
export interface Kill {
  /** messages the fake received first */
  readonly after: number;
  readonly at: KillPoint;
}

export interface Scenario {
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly fake: FakeTelegram;
  /** BullMQ prefix of this run */
  readonly prefix: string;
  readonly messages: number;
  readonly chats: number;
  /** Outbox pacing: with 3000 the messages come due in waves of one per chat, 3 s apart */
  readonly perChatIntervalMs: number;
  readonly kills: readonly Kill[];
}

export interface KillFigures {
  readonly at: KillPoint;
  readonly receivedAtKill: number;
  /** jobs the dead worker held (BullMQ's active list after the kill, less those of earlier kills) */
  readonly held: string[];
  /** held jobs whose message had reached the fake and had no delivery record: sure to go out twice */
  readonly sentUnrecorded: string[];
  /** kill → each held job finished (completed by a later run), ms */
  readonly recovered: { job: string; ms: number }[];
  /** restart → the new worker reported ready, ms */
  restartToReadyMs: number;
  /** restart → the first message the fake had not received before the kill, ms (null: none was left) */
  firstNewAfterRestartMs: number | null;
}

export interface ScenarioFigures {
  readonly arrived: number;
  readonly lost: string[];
  readonly duplicates: { job: string; lateMs: number }[];
  readonly kills: KillFigures[];
  readonly counts: OutboxCounts;
  readonly totalMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jobIdOf = (i: number) => `kill-${i}`;
const textOf = (i: number) => `Thông báo ${i}: mời ông/bà đến UBND xã nhận kết quả hồ sơ.`;
const textOfCall = (c: RecordedCall) => String(c.params.text);
const jobOfText = (text: string) => jobIdOf(Number(/^Thông báo (\d+):/.exec(text)?.[1]));
const answered = (c: RecordedCall) => c.response !== undefined;
const accepted = (c: RecordedCall) => (c.response as { ok?: boolean } | undefined)?.ok === true;

export async function runKillScenario(s: Scenario): Promise<ScenarioFigures> {
  const { redis, fake, prefix } = s;
  const queueName = outboxQueueName('telegram');
  const activeKey = `${prefix}:${queueName}:active`;
  const waitKey = `${prefix}:${queueName}:wait`;
  const delayedKey = `${prefix}:${queueName}:delayed`;
  const sentKey = (job: string) => outboxKeys(prefix, 'telegram').sent(job);

  async function killBetweenSends(child: WorkerChild): Promise<number> {
    const giveUp = Date.now() + 30_000;
    while (Date.now() < giveUp) {
      const idle = (await redis.llen(activeKey)) === 0;
      if (idle && fake.sent().every(answered)) return child.kill();
      await sleep(1);
    }
    throw new Error('the worker never held no job for 30 s');
  }

  /** No job waits and none is due within 100 ms: after the job in hand the worker has nothing to send. */
  async function nothingDueSoon(): Promise<boolean> {
    const [[, waiting], [, next]] = (await redis
      .multi()
      .llen(waitKey)
      .zrange(delayedKey, 0, 0, 'WITHSCORES')
      .exec()) as [[null, number], [null, string[]]];
    // BullMQ scores a delayed job with its due time (ms) × 0x1000
    const dueAt = next[1] === undefined ? Number.POSITIVE_INFINITY : Number(next[1]) / 0x1000;
    return waiting === 0 && dueAt > Date.now() + 100;
  }

  /**
   * Waits for a message after which nothing else is due (the last of a wave), then kills as soon as its
   * delivery record exists: usually before BullMQ's acknowledgement, and never racing with a next send.
   */
  async function killAfterRecord(child: WorkerChild): Promise<number> {
    let seen = fake.sent().length;
    for (;;) {
      const calls = await fake.waitForCalls('sendMessage', seen + 1, 60_000);
      seen = calls.length;
      const job = jobOfText(textOfCall(calls[seen - 1]!));
      if (!(await nothingDueSoon())) continue;
      for (;;) {
        if ((await redis.exists(sentKey(job))) === 1) return child.kill();
        if ((await redis.lindex(activeKey, 0)) !== job) break; // done without a record: a failed send
      }
    }
  }

  async function kill(child: WorkerChild, { after, at }: Kill): Promise<number> {
    // a kill point already passed (a slow recovery) waits for the next message instead
    const n = Math.max(after, fake.sent().length + 1);
    await fake.waitForCalls('sendMessage', n, 60_000);
    if (at === 'before-answer') return child.kill();
    if (at === 'after-record') return killAfterRecord(child);
    if (at === 'random') {
      await sleep(Math.random() * 50);
      return child.kill();
    }
    return killBetweenSends(child);
  }

  async function finishedOn(job: string): Promise<number> {
    let at = 0;
    await until(async () => {
      at = Number(await redis.hget(`${prefix}:${queueName}:${job}`, 'finishedOn'));
      return at > 0;
    }, 120_000);
    return at;
  }

  const outbox = new Outbox(redis, 'telegram', { prefix, perChatIntervalMs: s.perChatIntervalMs });
  for (let i = 0; i < s.messages; i++) {
    await outbox.enqueue(jobIdOf(i), {
      chatId: String(9_300_000 + (i % s.chats)),
      reply: { text: textOf(i) },
    });
  }
  await outbox.close();

  const start = () => startWorkerChild([s.redisUrl, prefix, fake.url, fake.token]);
  const queue = new Queue(queueName, { connection: redis, prefix });
  let child = start();
  const t0 = child.startedAt;
  const kills: KillFigures[] = [];
  const recoveries: Promise<void>[] = [];
  const tracked = new Set<string>();
  try {
    for (const plan of s.kills) {
      const killedAt = await kill(child, plan);
      await child.exited;
      // a request the worker wrote just before it died may still be on its way into the fake
      await sleep(20);
      const held = (await redis.lrange(activeKey, 0, -1)).filter((job) => !tracked.has(job));
      const before = new Set(fake.sent().map(textOfCall));
      const sentUnrecorded: string[] = [];
      for (const job of held) {
        const reached = [...before].some((t) => jobOfText(t) === job);
        if (reached && (await redis.exists(sentKey(job))) === 0) sentUnrecorded.push(job);
      }
      child = start();
      const restartedAt = child.startedAt;
      const figures: KillFigures = {
        at: plan.at,
        receivedAtKill: before.size,
        held,
        sentUnrecorded,
        recovered: [],
        restartToReadyMs: -1,
        firstNewAfterRestartMs: null,
      };
      kills.push(figures);
      for (const job of held) {
        tracked.add(job);
        recoveries.push(finishedOn(job).then((t) => void figures.recovered.push({ job, ms: t - killedAt })));
      }
      figures.restartToReadyMs = (await child.ready) - restartedAt;
      if (before.size < s.messages) {
        const isNew = (c: RecordedCall) => c.at >= restartedAt && !before.has(textOfCall(c));
        await until(() => fake.sent().some(isNew), 30_000);
        figures.firstNewAfterRestartMs = fake.sent().find(isNew)!.at - restartedAt;
      }
    }
    await until(async () => (await queue.getJobCounts('completed')).completed === s.messages, 180_000);
    await Promise.all(recoveries);
  } catch (err) {
    console.log(`worker output:\n${child.output()}`);
    throw err;
  } finally {
    await child.stop();
    await queue.close();
  }
  const totalMs = Date.now() - t0;

  const delivered = fake.sent().filter(accepted);
  const distinct = new Set(delivered.map(textOfCall));
  const duplicates = [...distinct]
    .map((text) => delivered.filter((c) => textOfCall(c) === text))
    .filter((calls) => calls.length > 1)
    .map((calls) => ({ job: jobOfText(textOfCall(calls[0]!)), lateMs: calls[1]!.at - calls[0]!.at }));
  return {
    arrived: delivered.length,
    lost: Array.from({ length: s.messages }, (_, i) => textOf(i)).filter((t) => !distinct.has(t)),
    duplicates,
    kills,
    counts: await outboxCounts(redis, prefix, 'telegram'),
    totalMs,
  };
}

/** The figures as RELIABILITY.md quotes them. */
export function printFigures(title: string, s: Scenario, f: ScenarioFigures): void {
  const lines = [
    `${title}: ${s.messages} messages to ${s.chats} chats (perChatIntervalMs ${s.perChatIntervalMs}), ` +
      `${s.kills.length} SIGKILLs; arrived ${f.arrived}, ` +
      `lost ${f.lost.length}, duplicates ${f.duplicates.length}; total ${f.totalMs} ms`,
    ...f.kills.map(
      (k) =>
        `  kill ${k.at} after ${k.receivedAtKill} received: held ` +
        `${k.recovered.map((r) => `${r.job} (done ${r.ms} ms after the kill)`).join(', ') || 'nothing'}` +
        `${k.sentUnrecorded.length > 0 ? `; sent but unrecorded: ${k.sentUnrecorded.join(', ')}` : ''}; ` +
        `restart→ready ${k.restartToReadyMs} ms, restart→next new message ${k.firstNewAfterRestartMs ?? '-'} ms`,
    ),
    `  duplicates: ${JSON.stringify(f.duplicates)}`,
    `  counts: ${JSON.stringify(f.counts)}`,
  ];
  console.log(lines.join('\n'));
}
