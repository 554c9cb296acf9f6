/**
 * One outbox-telegram worker in its own process, for the fault suite (test/faults/outbox-kill.faults.ts):
 *
 *   tsx test/faults/outbox-worker-process.ts <redisUrl> <queuePrefix> <telegramApiRoot> <botToken>
 *
 * It prints "ready" once the worker is connected; SIGTERM closes it cleanly, SIGKILL is what the test is
 * about. LOG_LEVEL (default warn) sets its log level; logs go to stderr.
 */
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { createLogger } from '../../src/logger';
import { startOutboxWorker } from '../../src/queues/outbox-worker';

const [redisUrl, prefix, apiRoot, token] = process.argv.slice(2);
if (!redisUrl || !prefix || !apiRoot || !token) {
  process.stderr.write('usage: outbox-worker-process.ts <redisUrl> <prefix> <apiRoot> <token>\n');
  process.exit(2);
}

const handle = startOutboxWorker({
  connection: { url: redisUrl },
  channel: 'telegram',
  prefix,
  sender: createTelegramSender(token, apiRoot),
  onBlocked: async () => undefined,
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
});
await handle.worker.waitUntilReady();
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void handle.close().then(() => process.exit(0));
});
