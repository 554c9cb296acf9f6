import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { startOutboxWorker } from '../../src/queues/outbox-worker';
import {
  callbackUpdate,
  type FakeTelegram,
  startFakeTelegram,
  startUpdate,
  textUpdate,
} from '../../test/helpers/fake-telegram-api';
import { readQuestionSet } from '../../test/helpers/question-set';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { startFakeProcess } from './fake-process';
import { postLoad, reportLoad } from './load';
import { reportDrained, untilQuiet } from './quiet';
import { startServerProcess } from './server-process';
import { report } from './stats';

const SECRET = 'bench_telegram_webhook_secret';

/**
 * Webhook → reply: `src/main.ts` (ROLE=web, TELEGRAM_MODE=webhook) in a child process, the fake Bot API
 * in this process (no added latency), autocannon posting text updates of 200 onboarded chats.
 * A request's time includes the bot's sendMessage round trip to the fake (the fake's own time is tiny).
 */
export async function benchTelegramWebhook(redisUrl: string, connections: number): Promise<void> {
  const fake = await startFakeTelegram();
  const server = await startServerProcess({
    ROLE: 'web',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-tg${Date.now()}:`,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
    PUBLIC_URL: 'https://bot.example',
  });
  const url = `${server.base}/webhooks/telegram`;
  const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };
  try {
    let updateId = 1;
    const chats = Array.from({ length: 200 }, (_, i) => 5_000_000 + i);
    for (const chat of chats) {
      const body = JSON.stringify({ update_id: updateId++, ...startUpdate(chat, 'thon-1') });
      await fetch(url, { method: 'POST', headers, body });
    }
    const questions = readQuestionSet('test/fixtures/questions.tsv').map((q) => q.question);
    // The webhook answers before the replies: let the workers finish the onboarding first.
    await untilQuiet(() => fake.callsOf('sendMessage').length);
    fake.reset();
    const loadStart = performance.now();
    const result = await postLoad(url, connections, (k) => {
      const chatId = chats[k % chats.length]!;
      const update =
        k % 5 === 4
          ? callbackUpdate({ chatId, data: 'menu' })
          : textUpdate({ chatId, text: questions[k % questions.length]! });
      return { headers, body: JSON.stringify({ update_id: updateId++, ...update }) };
    });
    const loadEnd = performance.now();
    const drained = await untilQuiet(() => fake.callsOf('sendMessage').length);
    const sent = drained.count;
    reportLoad('telegram-webhook', result, {
      connections,
      rateMetric: 'updates_per_second',
      unit: 'updates/s',
      minRate: 500,
      maxP99: 100,
    });
    reportDrained('telegram-webhook', 'update', {
      total: result.total,
      loadStart,
      loadEnd,
      lastChangeAt: drained.lastChangeAt,
    });
    report({
      bench: 'telegram-webhook',
      metric: 'messages_sent_per_update',
      value: Number((sent / Math.max(1, result.total)).toFixed(2)),
      unit: 'messages',
    });
  } finally {
    await server.stop();
    await fake.close();
  }
}

/**
 * outbox-telegram: a BullMQ worker in this process → TelegramSender (grammY) → the fake Bot API.
 * Limiter off: the fake runs in a process of its own, throughput counted from the outbox's "sent"
 * counter. Limiter on (25/s): sends counted over ten whole windows after the first one.
 */
export async function benchTelegramOutbox(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const logger = createLogger('warn');
  const external = await startFakeProcess('telegram');
  try {
    const off = await outboxLimiterOff(redis, redisUrl, logger, external, 6000);
    report({
      bench: 'telegram-outbox',
      metric: 'messages_per_second_limiter_off',
      value: Math.round(off),
      unit: 'msg/s',
      target: '>= 2000',
      ok: off >= 2000,
    });
  } finally {
    external.stop();
  }
  const fake = await startFakeTelegram();
  try {
    const limit = 25;
    const achieved = await outboxLimiterOn(fake, redis, redisUrl, logger, limit);
    const ratio = achieved / limit;
    report({
      bench: 'telegram-outbox',
      metric: 'messages_per_second_limiter_25',
      value: Number(achieved.toFixed(2)),
      unit: 'msg/s',
    });
    report({
      bench: 'telegram-outbox',
      metric: 'limiter_achieved_ratio',
      value: Number(ratio.toFixed(3)),
      unit: 'of limit',
      target: '0.95–1.00',
      ok: ratio >= 0.95 && ratio <= 1.0,
    });
  } finally {
    redis.disconnect();
    await fake.close();
  }
}

async function fill(outbox: Outbox, messages: number): Promise<void> {
  for (let i = 0; i < messages; i++) {
    await outbox.enqueue(`bench-${i}`, {
      chatId: String(4_000_000 + i),
      reply: { text: `Thông báo số ${i}` },
    });
  }
}

async function outboxLimiterOff(
  redis: Redis,
  redisUrl: string,
  logger: ReturnType<typeof createLogger>,
  fake: { url: string; token: string },
  messages: number,
): Promise<number> {
  const prefix = `benchoff${Date.now()}`;
  const outbox = new Outbox(redis, 'telegram', { prefix });
  await fill(outbox, messages);
  const t0 = performance.now();
  const worker = startBenchWorker(redisUrl, prefix, fake, logger, { limiter: null, concurrency: 128 });
  while ((await outboxCounts(redis, prefix, 'telegram')).sent < messages) await sleep(20);
  const seconds = (performance.now() - t0) / 1000;
  await worker.close();
  await outbox.close();
  await deleteKeys(redis, prefix);
  return messages / seconds;
}

async function outboxLimiterOn(
  fake: FakeTelegram,
  redis: Redis,
  redisUrl: string,
  logger: ReturnType<typeof createLogger>,
  limit: number,
): Promise<number> {
  const prefix = `benchon${Date.now()}`;
  const outbox = new Outbox(redis, 'telegram', { prefix });
  fake.reset();
  await fill(outbox, limit * 13);
  const worker = startBenchWorker(redisUrl, prefix, fake, logger, {
    limiter: { max: limit, duration: 1000 },
    concurrency: 5,
  });
  const first = (await fake.waitForCalls('sendMessage', 1, 30_000))[0]!.at;
  const from = first + 1000;
  const to = from + 10_000;
  while (Date.now() < to + 200) await sleep(100);
  const inWindow = fake.callsOf('sendMessage').filter((c) => c.at >= from && c.at < to).length;
  await worker.close();
  await outbox.close();
  await deleteKeys(redis, prefix);
  return inWindow / 10;
}

function startBenchWorker(
  redisUrl: string,
  prefix: string,
  fake: { url: string; token: string },
  logger: ReturnType<typeof createLogger>,
  o: { limiter: { max: number; duration: number } | null; concurrency: number },
) {
  return startOutboxWorker({
    connection: { url: redisUrl },
    channel: 'telegram',
    prefix,
    sender: createTelegramSender(fake.token, fake.url),
    onBlocked: async () => undefined,
    logger,
    ...o,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
