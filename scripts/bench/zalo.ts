import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createZaloSender } from '../../src/channels/zalo/sender';
import { createLogger } from '../../src/logger';
import { Outbox } from '../../src/queues/outbox';
import { outboxCounts } from '../../src/queues/outbox-counts';
import { startOutboxWorker } from '../../src/queues/outbox-worker';
import { RedisChoiceStore } from '../../src/storage/redis-choice-store';
import { type FakeZalo, startFakeZalo, zaloText } from '../../test/helpers/fake-zalo-api';
import { readQuestionSet } from '../../test/helpers/question-set';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { startFakeProcess } from './fake-process';
import { postLoad, reportLoad } from './load';
import { reportDrained, untilQuiet } from './quiet';
import { startServerProcess } from './server-process';
import { report } from './stats';

const SECRET = 'bench_zalo_webhook_secret';

/** `src/main.ts` with ROLE=web and the Zalo webhook (the default with an https PUBLIC_URL) on `fake`. */
export async function startZaloBot(fake: FakeZalo, redisUrl: string, prefix: string) {
  const server = await startServerProcess({
    ROLE: 'web',
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `${prefix}${Date.now()}:`,
    ZALO_BOT_TOKEN: fake.token,
    ZALO_WEBHOOK_SECRET: SECRET,
    ZALO_API_BASE: fake.url,
    PUBLIC_URL: 'https://bot.example',
  });
  const url = `${server.base}/webhooks/zalo`;
  const headers = { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET };
  return { server, url, headers };
}

/**
 * Webhook → sendMessage: `src/main.ts` (ROLE=web, ZALO_MODE=webhook) in a child process, the fake Zalo
 * Bot API in this process, autocannon posting text events (flat body) of 200 onboarded residents.
 * A request's time includes the bot's sendMessage round trip to the fake.
 */
export async function benchZaloWebhook(redisUrl: string, connections: number): Promise<void> {
  const fake = await startFakeZalo();
  const { server, url, headers } = await startZaloBot(fake, redisUrl, 'bench-zalo');
  try {
    const residents = Array.from({ length: 200 }, (_, i) => String(7_000_000 + i));
    for (const chat of residents) {
      for (const text of ['xin chào', '1']) {
        await fetch(url, { method: 'POST', headers, body: JSON.stringify(zaloText(chat, text)) });
      }
    }
    const questions = readQuestionSet('test/fixtures/questions.tsv').map((q) => q.question);
    // The webhook answers before the replies: let the workers finish the onboarding first.
    await untilQuiet(() => fake.callsOf('sendMessage').length);
    fake.reset();
    const loadStart = performance.now();
    const result = await postLoad(url, connections, (k) => {
      const body = JSON.stringify(
        zaloText(residents[k % residents.length]!, questions[k % questions.length]!),
      );
      return { headers, body: body };
    });
    const loadEnd = performance.now();
    const drained = await untilQuiet(() => fake.callsOf('sendMessage').length);
    const sent = drained.count;
    reportLoad('zalo-webhook', result, {
      connections,
      rateMetric: 'events_per_second',
      unit: 'events/s',
      minRate: 500,
      maxP99: 100,
    });
    reportDrained('zalo-webhook', 'event', {
      total: result.total,
      loadStart,
      loadEnd,
      lastChangeAt: drained.lastChangeAt,
    });
    report({
      bench: 'zalo-webhook',
      metric: 'messages_sent_per_event',
      value: Number((sent / Math.max(1, result.total)).toFixed(2)),
      unit: 'messages',
    });
  } finally {
    await server.stop();
    await fake.close();
  }
}

/** outbox-zalo with no limiter (Zalo publishes none): one worker, 6,000 messages, the fake in its own process. */
export async function benchZaloOutbox(redisUrl: string): Promise<void> {
  const fake = await startFakeProcess('zalo');
  const redis = new Redis(redisUrl);
  const prefix = `benchzo${Date.now()}`;
  const messages = 6000;
  try {
    const outbox = new Outbox(redis, 'zalo', { prefix });
    for (let k = 0; k < messages; k++) {
      await outbox.enqueue(`bench-${k}`, {
        chatId: String(6_000_000 + k),
        reply: { text: `Thông báo số ${k}` },
      });
    }
    const t0 = performance.now();
    const worker = startOutboxWorker({
      connection: { url: redisUrl },
      channel: 'zalo',
      prefix,
      sender: createZaloSender(fake.token, fake.url, new RedisChoiceStore(redis, `${prefix}:`), () => ''),
      onBlocked: async () => undefined,
      logger: createLogger('warn'),
      concurrency: 128,
    });
    while ((await outboxCounts(redis, prefix, 'zalo')).sent < messages)
      await new Promise((r) => setTimeout(r, 20));
    const rate = messages / ((performance.now() - t0) / 1000);
    report({
      bench: 'zalo-outbox',
      metric: 'messages_per_second_no_limiter',
      value: Math.round(rate),
      unit: 'msg/s',
      target: '>= 2000',
      ok: rate >= 2000,
    });
    await worker.close();
    await outbox.close();
  } finally {
    await deleteKeys(redis, prefix);
    redis.disconnect();
    fake.stop();
  }
}
