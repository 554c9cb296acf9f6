import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxQueueName } from '../../src/queues/outbox-keys';
import { type FakeTelegram, startFakeTelegram } from '../helpers/fake-telegram-api';
import { deleteKeys } from '../helpers/redis-cleanup';
import { type Kill, printFigures, runKillScenario, type Scenario } from './outbox-kill-scenario';

/**
 * The outbox-telegram worker runs in a child process (test/faults/outbox-worker-process.ts) and is
 * SIGKILLed three times, restarted right after each kill, while it sends 300 messages to 30 chats through
 * the Telegram limiter (25/s) to the fake Bot API in this process, which answers every call 30 ms late.
 *
 * A duplicate cannot be avoided when the worker dies after the platform took a message and before the
 * delivery record is written: nothing records that send, and the job's next run sends it again. So the
 * first test places its kills, to cover the same cases in every run: in a pause between two waves of
 * sends, just after a delivery record was written, and inside that window (which costs one duplicate).
 * The second kills at random instants of a continuous send and checks that every duplicate is a message
 * caught inside the window.
 *
 * `npm run faults -- test/faults/outbox-kill.faults.ts`; the figures it prints are in RELIABILITY.md.
 */

const redisUrl = inject('redisUrl');
const redis = new Redis(redisUrl);
const base = `okill${process.pid}t${Date.now()}`;
const prefixes: string[] = [];
let fake: FakeTelegram;

beforeAll(async () => {
  fake = await startFakeTelegram({ latencyMs: 30 });
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const queue = new Queue(outboxQueueName('telegram'), { connection: redis, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
  await deleteKeys(redis, base);
  redis.disconnect();
  await fake.close();
});

function scenario(perChatIntervalMs: number, kills: readonly Kill[]): Scenario {
  fake.reset();
  const prefix = `${base}n${prefixes.length + 1}`;
  prefixes.push(prefix);
  return { redis, redisUrl, fake, prefix, messages: 300, chats: 30, perChatIntervalMs, kills };
}

/** Every kill: work resumed within 10 s; every message counted sent once however often its job ran. */
function expectResumedAndCountedOnce(f: Awaited<ReturnType<typeof runKillScenario>>): void {
  for (const k of f.kills) {
    expect(k.firstNewAfterRestartMs ?? 0).toBeLessThanOrEqual(10_000);
    expect(k.recovered).toHaveLength(k.held.length);
    for (const r of k.recovered) expect(r.ms).toBeLessThanOrEqual(10_000);
  }
  expect(f.counts).toMatchObject({ sent: 300, failed: 0 });
  expect(f.counts.sent_after_stall).toBeGreaterThanOrEqual(f.duplicates.length);
}

describe('outbox worker SIGKILLed while sending', () => {
  it('loses nothing, sends at most one message twice, and resumes within 10 s of each kill', async () => {
    // one message per chat every 3 s: waves of 30 (1.2 s at 25/s), with pauses for the first two kills
    const s = scenario(3000, [
      { after: 60, at: 'between-sends' },
      { after: 140, at: 'after-record' },
      { after: 220, at: 'before-answer' },
    ]);
    const f = await runKillScenario(s);
    printFigures('outbox-kill (placed kills)', s, f);

    expect(f.lost).toEqual([]);
    expect(f.duplicates.length).toBeLessThanOrEqual(1);
    // the one duplicate is the message the third kill caught between the platform and its record
    expect(f.duplicates.map((d) => d.job)).toEqual(f.kills.flatMap((k) => k.sentUnrecorded));
    expectResumedAndCountedOnce(f);
  });

  it('at random instants: loses nothing, and every duplicate is a send caught before its record', async () => {
    // due all at once: the worker sends without pause, 25 a second
    const s = scenario(50, [
      { after: 60, at: 'random' },
      { after: 140, at: 'random' },
      { after: 220, at: 'random' },
    ]);
    const f = await runKillScenario(s);
    printFigures('outbox-kill (random kills)', s, f);

    expect(f.lost).toEqual([]);
    expect(f.duplicates.map((d) => d.job).sort()).toEqual(f.kills.flatMap((k) => k.sentUnrecorded).sort());
    expectResumedAndCountedOnce(f);
  });
});
