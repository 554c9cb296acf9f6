import { spawn } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import type { UserRef } from '../../src/core/user';
import { outboxKeys, outboxQueueName, queuePrefix } from '../../src/queues/outbox-keys';
import { RedisBroadcastStore } from '../../src/storage/redis-broadcast-store';
import { keys } from '../../src/storage/redis-keys';
import { RedisResidentStore } from '../../src/storage/redis-resident-store';
import { type FakeTelegram, type RecordedCall, startFakeTelegram } from './fake-telegram-api';
import { type FakeZalo, startFakeZalo, type ZaloCall } from './fake-zalo-api';
import { type MainProcess, startMain } from './main-process';
import { deleteKeys } from './redis-cleanup';
import { runScriptAsync } from './run-script';
import { until } from './until';

/**
 * Village announcements as an operator runs them, for test/e2e/broadcast.test.ts and
 * test/faults/broadcast-kill.faults.ts: residents in the village lists (saved through
 * RedisResidentStore), `npm run broadcast` to queue and read the status, the bot's worker role
 * (src/main.ts with ROLE=worker, in a child process) sending through the fake Telegram and Zalo APIs.
 * Each scene has its own Redis prefix, fakes and worker processes; `close` ends them all and deletes the keys.
 */
export type Channel = 'telegram' | 'zalo';
export type SentCall = RecordedCall | ZaloCall;

export interface BroadcastStatus {
  state: string;
  sent: number;
  failed: number;
  blocked: number;
  pending: number;
}

export interface Queued {
  id: string;
  recipients: Record<string, number>;
}

export const accepted = (c: SentCall): boolean => (c.response as { ok?: boolean } | undefined)?.ok === true;

/** what each resident must find in the message (the bot puts «📢 Thông báo của …:» before it) */
export const announcement = (tag: string): string =>
  `${tag}: 7h30 sáng Chủ nhật họp dân tại nhà văn hóa thôn, mang theo CCCD.`;

export const range = (n: number, id: (i: number) => string): string[] =>
  Array.from({ length: n }, (_, i) => id(i));

export function broadcastWorld(redisUrl: string) {
  const redis = new Redis(redisUrl);
  const base = `bc${process.pid}x${Date.now()}`;
  let scenes = 0;
  const mains: MainProcess[] = [];
  const closers: (() => Promise<void>)[] = [];

  async function scene(o: { telegramLatencyMs: number; zaloLatencyMs: number }) {
    const prefix = `${base}s${++scenes}:`;
    const qp = queuePrefix(prefix);
    const telegram: FakeTelegram = await startFakeTelegram({ latencyMs: o.telegramLatencyMs });
    const zalo: FakeZalo = await startFakeZalo({ latencyMs: o.zaloLatencyMs });
    closers.push(
      () => telegram.close(),
      () => zalo.close(),
    );
    const residents = new RedisResidentStore(redis, prefix);
    const store = new RedisBroadcastStore(redis, prefix);
    const cliEnv = {
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: telegram.token,
      ZALO_BOT_TOKEN: zalo.token,
    };
    const workerEnv = {
      ...cliEnv,
      ROLE: 'worker',
      LOG_LEVEL: 'warn',
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'telegram_secret_for_broadcast_tests',
      ZALO_API_BASE: zalo.url,
      ZALO_MODE: 'webhook',
      ZALO_WEBHOOK_SECRET: 'zalo_secret_for_broadcast_tests',
      PUBLIC_URL: 'https://bot.xaiadom.example',
    };
    const queueOf = (name: string) => {
      const q = new Queue(name, { connection: redis, prefix: qp });
      closers.push(() => q.close());
      return q;
    };
    const outboxQueues = {
      telegram: queueOf(outboxQueueName('telegram')),
      zalo: queueOf(outboxQueueName('zalo')),
    };
    const broadcastsQueue = queueOf('broadcasts');
    const calls = (channel: Channel, id?: string): SentCall[] =>
      channel === 'telegram' ? telegram.sent(id) : zalo.sent(id);

    async function cli(args: string[]): Promise<unknown> {
      const r = await runScriptAsync('broadcast.ts', args, cliEnv);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    }

    return {
      prefix,
      qp,
      telegram,
      zalo,
      residents,
      store,
      /** sendMessage calls of a channel (to one chat), failed ones included */
      calls,
      /** the messages the platform took */
      delivered: (channel: Channel, id?: string) => calls(channel, id).filter(accepted),
      /** residents of a village on a channel, saved as the conversation saves them */
      async listen(channel: Channel, village: string, ids: readonly string[]): Promise<void> {
        const now = Date.now();
        await Promise.all(
          ids.map((id) => {
            const user: UserRef = { channel, id };
            return residents.save(user, {
              profile: {
                user,
                village,
                locale: 'vi',
                consentAt: now,
                firstSeen: now,
                lastSeen: now,
                active: true,
              },
              session: { misses: 0 },
            });
          }),
        );
      },
      isListening: async (channel: Channel, village: string, id: string) =>
        (await redis.sismember(keys(prefix).villageMembers(village, channel), id)) === 1,
      /** `npm run --silent broadcast -- …`, through npm as the README has it */
      async npmBroadcast(args: string[]): Promise<unknown> {
        const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn('npm', ['run', '--silent', 'broadcast', '--', ...args], {
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.env.HOME ?? '/tmp',
              LOG_LEVEL: 'silent',
              ...cliEnv,
            },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
          child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
          child.once('exit', (status) => resolve({ status, stdout, stderr }));
        });
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout);
      },
      /** scripts/broadcast.ts as npm runs it, without npm's own start-up */
      cli,
      queue: (args: string[]) => cli([...args, '--json']) as Promise<Queued>,
      status: (id: string) => cli(['--status', id, '--json']) as Promise<BroadcastStatus>,
      /** the record's state, read straight from Redis (a quick poll; the command takes a few seconds) */
      state: async (id: string) => (await store.get(id))?.state,
      tally: async (id: string) => (await store.tally(id)).tally,
      startWorker(env: Record<string, string> = {}): MainProcess {
        const main = startMain({ ...workerEnv, ...env });
        mains.push(main);
        return main;
      },
      /** the worker process has connected its outbox workers and the broadcasts worker */
      async workersReady(): Promise<void> {
        await until(async () => {
          for (const q of [outboxQueues.telegram, outboxQueues.zalo, broadcastsQueue]) {
            if ((await q.getWorkers()).length === 0) return false;
          }
          return true;
        }, 30_000);
      },
      /** jobs the outbox queues still hold (waiting, active, delayed) */
      async outstanding(): Promise<number> {
        let n = 0;
        for (const q of Object.values(outboxQueues)) {
          const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized');
          n += Object.values(c).reduce((a, b) => a + b, 0);
        }
        return n;
      },
      activeJobs: (channel: Channel) => redis.lrange(`${qp}:${outboxQueueName(channel)}:active`, 0, -1),
      hasDeliveryRecord: async (channel: Channel, jobId: string) =>
        (await redis.exists(outboxKeys(qp, channel).sent(jobId))) === 1,
    };
  }

  /** every worker process started so far: SIGTERM, SIGKILL when one does not stop within 10 s */
  async function stopWorkers(): Promise<void> {
    await Promise.all(
      mains.splice(0).map(async (main) => {
        const stopped = await Promise.race([
          main.stop().then(() => true),
          new Promise<false>((r) => setTimeout(() => r(false), 10_000)),
        ]);
        if (!stopped) {
          main.kill();
          await main.exited;
        }
      }),
    );
  }

  return {
    redis,
    scene,
    stopWorkers,
    /** the worker processes, the fakes, the keys */
    async close(): Promise<void> {
      await stopWorkers();
      await Promise.all(closers.map((close) => close()));
      await deleteKeys(redis, base);
      redis.disconnect();
    },
  };
}

export type BroadcastScene = Awaited<ReturnType<ReturnType<typeof broadcastWorld>['scene']>>;
