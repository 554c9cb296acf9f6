/** The fake Bot API in a process of its own, so a benchmark measures our worker, not the fake. */
import { startFakeTelegram } from '../../test/helpers/fake-telegram-api';

const fake = await startFakeTelegram();
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`);
process.once('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
