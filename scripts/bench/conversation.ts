import { performance } from 'node:perf_hooks';
import { compose } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { readQuestionSet } from '../../test/helpers/question-set';
import { deleteKeys } from '../../test/helpers/redis-cleanup';
import { percentile, report, round } from './stats';

/** In-process handling: InboundEvent → replies, with profiles and sessions in a real Redis. */
export async function benchConversation(
  redisUrl: string,
  contentDir: string,
  localesDir: string,
): Promise<void> {
  const prefix = 'bench-conv:';
  // The worker role builds no web server; nothing is started: only the conversation core is used.
  const config = loadConfig({
    REDIS_PREFIX: prefix,
    ROLE: 'worker',
    CONTENT_DIR: contentDir,
    LOCALES_DIR: localesDir,
  });
  const bot = await compose({ config, redisUrl, logger: createLogger('silent') });
  const { conversation, redis } = bot;
  const questions = readQuestionSet('test/fixtures/questions.tsv').map((q) => q.question);
  const residents = Array.from({ length: 200 }, (_, i) => ({ channel: 'web' as const, id: `bench${i}` }));
  let seq = 0;
  const event = (i: number, text: string) => ({
    user: residents[i % residents.length]!,
    chatId: `bench${i}`,
    kind: 'text' as const,
    text,
    messageId: `m${++seq}`,
    receivedAt: Date.now(),
  });
  for (let i = 0; i < residents.length; i++) {
    await conversation.handle({ ...event(i, ''), kind: 'start', startParam: 'thon-1' });
  }
  const latencies: number[] = [];
  const total = 6000;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const s = performance.now();
    await conversation.handle(event(i, questions[i % questions.length]!));
    latencies.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  report({
    bench: 'conversation',
    metric: 'events_per_second_sequential',
    value: Math.round(total / seconds),
    unit: 'events/s',
  });
  report({
    bench: 'conversation',
    metric: 'latency_p50_ms',
    value: round(percentile(latencies, 50)),
    unit: 'ms',
  });
  report({
    bench: 'conversation',
    metric: 'latency_p99_ms',
    value: round(percentile(latencies, 99)),
    unit: 'ms',
  });

  // Many residents at once, as a web process sees them: 64 conversations in flight.
  const concurrent = 64;
  const t1 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      while (next < total) {
        const i = next++;
        await conversation.handle(event(i, questions[i % questions.length]!));
      }
    }),
  );
  const rate = total / ((performance.now() - t1) / 1000);
  report({
    bench: 'conversation',
    metric: 'events_per_second_64_in_flight',
    value: Math.round(rate),
    unit: 'events/s',
  });

  await deleteKeys(redis, prefix);
  await bot.close();
}
