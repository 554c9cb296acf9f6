/**
 * npm run bench [-- --only matcher|conversation|web-http|web-vs-bare|redis-commands|telegram-webhook|telegram-outbox|zalo-webhook|zalo-outbox|inbound|reminders|broadcast|usage] [--connections 10] — prints one JSON line per figure; BENCHMARKS.md records them.
 * Run through `node --expose-gc` (the npm script does) so heap figures are measured after a GC.
 */
import { loadConfig } from '../src/config';
import { startPrivateRedis } from '../test/helpers/redis-server';
import { benchBroadcast } from './bench/broadcast';
import { benchConversation } from './bench/conversation';
import { benchInbound } from './bench/inbound';
import { benchMatcher } from './bench/matcher';
import { benchRedisCommands } from './bench/redis-commands';
import { benchReminders } from './bench/reminders';
import { benchTelegramOutbox, benchTelegramWebhook } from './bench/telegram';
import { benchUsage } from './bench/usage';
import { benchWebHttp } from './bench/web-http';
import { benchWebVsBare } from './bench/web-vs-bare';
import { benchZaloOutbox, benchZaloWebhook } from './bench/zalo';

const arg = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const only = arg('--only');
const connections = Number(arg('--connections') ?? 10);
const config = loadConfig();
// A private redis-server, so a benchmark never touches a Redis that holds real data.
const redis = await startPrivateRedis();
const benches: Record<string, () => Promise<void> | void> = {
  matcher: () => benchMatcher(config.contentDir, config.localesDir),
  conversation: () => benchConversation(redis.url, config.contentDir, config.localesDir),
  'web-http': () => benchWebHttp(redis.url, connections),
  'web-vs-bare': () => benchWebVsBare(redis.url, connections),
  'redis-commands': () => benchRedisCommands(redis.url),
  'telegram-webhook': () => benchTelegramWebhook(redis.url, connections),
  'telegram-outbox': () => benchTelegramOutbox(redis.url),
  'zalo-webhook': () => benchZaloWebhook(redis.url, connections),
  'zalo-outbox': () => benchZaloOutbox(redis.url),
  inbound: () => benchInbound(redis.url),
  reminders: () => benchReminders(redis.url, config.localesDir),
  broadcast: () => benchBroadcast(redis.url, config.contentDir, config.localesDir),
  usage: () => benchUsage(redis.url),
};

try {
  for (const [name, run] of Object.entries(benches)) {
    if (only && only !== name) continue;
    await run();
  }
} finally {
  await redis.stop();
}
