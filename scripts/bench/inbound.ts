import { performance } from 'node:perf_hooks';
import { startFakeZalo, zaloText } from '../../test/helpers/fake-zalo-api';
import { untilQuiet } from './quiet';
import { percentile, report, round } from './stats';
import { startZaloBot } from './zalo';

const SLOW_API_MS = 300;
const EVENTS = 400;
const CONCURRENCY = 10;

/**
 * How fast the Zalo webhook answers while every reply is slow: `src/main.ts` (ROLE=web, webhook mode) in
 * a child process, the fake Zalo Bot API in this process answering every call after 300 ms, 400 text
 * events from 200 residents posted 10 at a time. The webhook's answer must not wait for the reply
 * (target p99 ≤ 100 ms); the workers then answer every event once.
 */
export async function benchInbound(redisUrl: string): Promise<void> {
  const fake = await startFakeZalo({ latencyMs: SLOW_API_MS });
  const { server, url, headers } = await startZaloBot(fake, redisUrl, 'bench-inbound');
  try {
    const residents = Array.from({ length: 200 }, (_, i) => String(7_100_000 + i));
    const texts = ['xin chào', 'đăng ký kết hôn'];
    const events = Array.from({ length: EVENTS }, (_, k) =>
      zaloText(residents[k % 200]!, texts[Math.floor(k / 200)]!),
    );
    const acks: number[] = [];
    let failures = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < events.length) {
          const body = JSON.stringify(events[next++]);
          const started = performance.now();
          const res = await fetch(url, { method: 'POST', headers, body });
          acks.push(performance.now() - started);
          if (res.status !== 200) failures++;
        }
      }),
    );
    const postedMs = performance.now() - t0;
    // Every resident gets the greeting, the village question, and the answer about marriage (with the
    // note that the village can be chosen later): wait until the replies stop coming.
    const { count: last, lastChangeAt } = await untilQuiet(
      () => fake.callsOf('sendMessage').filter((c) => c.response !== undefined).length,
      3000,
    );
    const answeredMs = lastChangeAt - t0;
    const answeredChats = new Set(fake.callsOf('sendMessage').map((c) => String(c.params.chat_id))).size;
    acks.sort((a, b) => a - b);
    const context = { events: EVENTS, concurrency: CONCURRENCY, api_latency_ms: SLOW_API_MS };
    report({
      bench: 'inbound',
      metric: 'webhook_answer_p50_ms',
      value: round(percentile(acks, 50), 1),
      unit: 'ms',
      context,
    });
    report({
      bench: 'inbound',
      metric: 'webhook_answer_p99_ms',
      value: round(percentile(acks, 99), 1),
      unit: 'ms',
      target: '<= 100',
      ok: percentile(acks, 99) <= 100,
      context,
    });
    report({
      bench: 'inbound',
      metric: 'webhook_answer_max_ms',
      value: round(acks.at(-1) ?? Number.NaN, 1),
      unit: 'ms',
    });
    report({ bench: 'inbound', metric: 'non_2xx', value: failures, unit: 'responses', ok: failures === 0 });
    report({
      bench: 'inbound',
      metric: 'all_events_stored_after_ms',
      value: Math.round(postedMs),
      unit: 'ms',
    });
    report({ bench: 'inbound', metric: 'replies_sent', value: last, unit: 'messages' });
    report({
      bench: 'inbound',
      metric: 'chats_answered',
      value: answeredChats,
      unit: 'chats',
      ok: answeredChats === 200,
    });
    report({ bench: 'inbound', metric: 'last_reply_after_ms', value: Math.round(answeredMs), unit: 'ms' });
    report({
      bench: 'inbound',
      metric: 'replies_per_second',
      value: round(last / (answeredMs / 1000), 1),
      unit: 'msg/s',
      context: {
        note: `8 queues, each reply ${SLOW_API_MS} ms: at most ~${Math.round((8 * 1000) / SLOW_API_MS)}/s`,
      },
    });
  } finally {
    await server.stop();
    await fake.close();
  }
}
