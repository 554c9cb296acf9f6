import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { ChannelError, type ChannelSender } from '../../src/core/channel';
import type { Reply } from '../../src/core/reply';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { outboxQueueName } from '../../src/queues/outbox-keys';
import {
  type OutboxLimiter,
  type OutboxWorkerHandle,
  startOutboxWorker,
} from '../../src/queues/outbox-worker';
import { deleteKeys } from '../helpers/redis-cleanup';

const url = inject('redisUrl');
const base = `outbox-test-${process.pid}-${Date.now()}`;
const redis = new Redis(url);
const prefixes: string[] = [];
const open: { close(): Promise<void> }[] = [];
const logLines: string[] = [];
const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await sleep(20);
  }
}

interface Sent {
  readonly chatId: string;
  readonly text: string;
  readonly at: number;
}

/** Stands in for a platform: records every attempt and throws the errors scripted for a text. */
class ScriptedSender implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly attempts: Sent[] = [];
  readonly delivered: Sent[] = [];
  private readonly script = new Map<string, ChannelError[]>();

  constructor(private readonly sendMs = 0) {}

  failFirst(text: string, ...errors: ChannelError[]): void {
    this.script.set(text, errors);
  }

  async send(chatId: string, reply: Reply): Promise<void> {
    const sent = { chatId, text: reply.text, at: Date.now() };
    this.attempts.push(sent);
    if (this.sendMs > 0) await sleep(this.sendMs);
    const error = this.script.get(reply.text)?.shift();
    if (error) throw error;
    this.delivered.push(sent);
  }

  texts(): string[] {
    return this.delivered.map((s) => s.text);
  }
}

interface Setup {
  readonly prefix: string;
  readonly sender: ScriptedSender;
  readonly outbox: Outbox;
  readonly blocked: [string | undefined, string][];
  startWorker(): OutboxWorkerHandle;
}

function setup(options: { limiter?: OutboxLimiter | null; backoffMs?: number; sendMs?: number } = {}): Setup {
  const prefix = `${base}-${prefixes.length + 1}`;
  prefixes.push(prefix);
  const sender = new ScriptedSender(options.sendMs);
  const outbox = new Outbox(redis, 'telegram', { prefix, backoffMs: options.backoffMs ?? 50 });
  open.push(outbox);
  const blocked: [string | undefined, string][] = [];
  const startWorker = () => {
    const handle = startOutboxWorker({
      connection: { url },
      channel: 'telegram',
      prefix,
      sender,
      onBlocked: async (userKey, chatId) => {
        blocked.push([userKey, chatId]);
      },
      logger,
      limiter: options.limiter,
    });
    open.push(handle);
    return handle;
  };
  return { prefix, sender, outbox, blocked, startWorker };
}

async function jobOf(prefix: string, jobId: string) {
  const queue = new Queue(outboxQueueName('telegram'), { connection: redis, prefix });
  try {
    const job = await queue.getJob(jobId);
    return { state: await job?.getState(), attemptsMade: job?.attemptsMade, failedReason: job?.failedReason };
  } finally {
    await queue.close();
  }
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const queue = new Queue(outboxQueueName('telegram'), { connection: redis, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await deleteKeys(redis, base);
  redis.disconnect();
});

describe('outbox', () => {
  it('delivers every message once, and a duplicate job id once', async () => {
    const { sender, outbox, startWorker, prefix } = setup();
    startWorker();
    await outbox.enqueue('m-1', { chatId: '101', reply: { text: 'một' } });
    await outbox.enqueue('m-2', { chatId: '102', reply: { text: 'hai' } });
    await outbox.enqueue('m-1', { chatId: '101', reply: { text: 'một' } });
    await waitFor(() => sender.delivered.length >= 2);
    await sleep(300);
    expect(sender.texts().sort()).toEqual(['hai', 'một']);
    expect((await outboxCounts(redis, prefix, 'telegram')).sent).toBe(2);
  });

  it('rejects job ids that BullMQ cannot take, and bad data, before queueing', async () => {
    const { outbox } = setup();
    const data = { chatId: '1', reply: { text: 'x' } };
    await expect(outbox.enqueue('rem:1', data)).rejects.toThrow(/':'/);
    await expect(outbox.enqueue('12345', data)).rejects.toThrow(/digits/);
    await expect(outbox.enqueue('ok-1', { chatId: '', reply: { text: 'x' } })).rejects.toThrow(/chatId/);
  });

  it('paces messages to one chat about 1 s apart without holding back other chats', async () => {
    const { sender, outbox, startWorker } = setup();
    startWorker();
    for (const n of [1, 2, 3]) await outbox.enqueue(`same-${n}`, { chatId: 'a', reply: { text: `a${n}` } });
    for (const c of ['b', 'c', 'd']) await outbox.enqueue(`other-${c}`, { chatId: c, reply: { text: c } });
    await waitFor(() => sender.delivered.length >= 6);
    const same = sender.delivered.filter((s) => s.chatId === 'a').map((s) => s.at);
    expect(same).toHaveLength(3);
    expect(same[1]! - same[0]!).toBeGreaterThanOrEqual(900);
    expect(same[2]! - same[1]!).toBeGreaterThanOrEqual(900);
    const others = sender.delivered.filter((s) => s.chatId !== 'a').map((s) => s.at);
    expect(Math.max(...others) - same[0]!).toBeLessThan(500);
  });

  it('does not hold back a message for now behind one scheduled for later', async () => {
    const { sender, outbox, startWorker } = setup();
    startWorker();
    await outbox.enqueue('later-1', { chatId: 'e', reply: { text: 'sau' } }, { delayMs: 60_000 });
    const t0 = Date.now();
    await outbox.enqueue('now-1', { chatId: 'e', reply: { text: 'ngay' } });
    await waitFor(() => sender.delivered.length === 1);
    expect(sender.texts()).toEqual(['ngay']);
    expect(sender.delivered[0]!.at - t0).toBeLessThan(500);
  });

  it('waits out a 429 without losing the message or using an attempt', async () => {
    const { sender, outbox, startWorker, prefix } = setup();
    sender.failFirst('chậm lại', new ChannelError('rate-limited', '429', 1500));
    startWorker();
    await outbox.enqueue('rl-1', { chatId: '7', reply: { text: 'chậm lại' } });
    await waitFor(() => sender.delivered.length === 1);
    expect(sender.attempts).toHaveLength(2);
    expect(sender.attempts[1]!.at - sender.attempts[0]!.at).toBeGreaterThanOrEqual(1490);
    const counts = await outboxCounts(redis, prefix, 'telegram');
    expect(counts).toMatchObject({ rate_limited: 1, sent: 1, retried: 0 });
    // only the successful attempt is counted
    await waitFor(async () => (await jobOf(prefix, 'rl-1')).state === 'completed');
    expect((await jobOf(prefix, 'rl-1')).attemptsMade).toBe(1);
  });

  it('marks a resident who blocked the bot and does not retry', async () => {
    const { sender, outbox, startWorker, prefix, blocked } = setup();
    sender.failFirst('tin', new ChannelError('blocked', '403: bot was blocked by the user'));
    startWorker();
    await outbox.enqueue('bl-1', { chatId: '42', reply: { text: 'tin' }, userKey: 'telegram:42' });
    await waitFor(async () => (await jobOf(prefix, 'bl-1')).state === 'failed');
    await sleep(200);
    expect(blocked).toEqual([['telegram:42', '42']]);
    expect(sender.attempts).toHaveLength(1);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ blocked: 1, retried: 0 });
  });

  it('drops a message the platform refuses, without retries', async () => {
    const { sender, outbox, startWorker, prefix } = setup();
    sender.failFirst('hỏng', new ChannelError('bad-request', '400: message is too long'));
    startWorker();
    await outbox.enqueue('br-1', { chatId: '9', reply: { text: 'hỏng' } });
    await waitFor(async () => (await jobOf(prefix, 'br-1')).state === 'failed');
    await sleep(200);
    expect(sender.attempts).toHaveLength(1);
    expect(await outboxCounts(redis, prefix, 'telegram')).toMatchObject({ dropped: 1, retried: 0, sent: 0 });
  });

  it('retries an unavailable platform with backoff and delivers once', async () => {
    const { sender, outbox, startWorker, prefix } = setup({ backoffMs: 50 });
    sender.failFirst(
      'thử lại',
      new ChannelError('unavailable', '502'),
      new ChannelError('unavailable', 'ECONNRESET'),
    );
    startWorker();
    await outbox.enqueue('un-1', { chatId: '5', reply: { text: 'thử lại' } });
    await waitFor(() => sender.delivered.length === 1);
    await sleep(200);
    expect(sender.attempts).toHaveLength(3);
    expect(sender.delivered).toHaveLength(1);
    const counts = await outboxCounts(redis, prefix, 'telegram');
    expect(counts.retried).toBeGreaterThanOrEqual(2);
    expect(counts).toMatchObject({ sent: 1, failed: 0 });
  });

  it('pauses the worker and raises an alert when the token is rejected', async () => {
    const { sender, outbox, startWorker } = setup({ backoffMs: 50 });
    sender.failFirst('token', new ChannelError('unauthorized', '401'));
    const { worker } = startWorker();
    await outbox.enqueue('ua-1', { chatId: '3', reply: { text: 'token' } });
    await waitFor(() => worker.isPaused());
    expect(logLines.some((l) => l.includes('ALERT') && l.includes('"level":50'))).toBe(true);
    await sleep(300);
    expect(sender.delivered).toHaveLength(0);
    await worker.resume();
    await waitFor(() => sender.delivered.length === 1);
    expect(sender.attempts).toHaveLength(2);
  });

  it('sends every message exactly once across a restart', async () => {
    const { sender, outbox, startWorker } = setup({ sendMs: 50 });
    for (let i = 0; i < 30; i++) {
      await outbox.enqueue(`rs-${i}`, { chatId: `chat-${i}`, reply: { text: `tin ${i}` } });
    }
    const first = startWorker();
    await waitFor(() => sender.delivered.length >= 10);
    await first.close();
    const afterFirst = sender.delivered.length;
    expect(afterFirst).toBeLessThan(30);
    startWorker();
    await waitFor(() => sender.delivered.length >= 30);
    await sleep(300);
    const texts = sender.texts();
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
  });

  it('fails a job with invalid data for good and keeps working', async () => {
    const { sender, outbox, startWorker, prefix } = setup();
    const raw = new Queue(outboxQueueName('telegram'), { connection: redis, prefix });
    await raw.add('send', { chatId: '', reply: { text: 42 } }, { jobId: 'bad-1', attempts: 5 });
    await raw.close();
    startWorker();
    await waitFor(async () => (await jobOf(prefix, 'bad-1')).state === 'failed');
    const bad = await jobOf(prefix, 'bad-1');
    expect(bad.attemptsMade).toBe(1);
    expect(bad.failedReason).toMatch(/invalid outbox job data/);
    await outbox.enqueue('good-1', { chatId: '1', reply: { text: 'tốt' } });
    await waitFor(() => sender.delivered.length === 1);
    expect(sender.texts()).toEqual(['tốt']);
    expect((await outboxCounts(redis, prefix, 'telegram')).dropped).toBe(1);
  });

  it('keeps to the queue-wide limiter', async () => {
    const { sender, outbox, startWorker } = setup({ limiter: { max: 5, duration: 1000 } });
    for (let i = 0; i < 15; i++) {
      await outbox.enqueue(`lim-${i}`, { chatId: `c${i}`, reply: { text: `l${i}` } });
    }
    startWorker();
    await waitFor(() => sender.delivered.length >= 15);
    const times = sender.delivered.map((s) => s.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1900);
  });
});
