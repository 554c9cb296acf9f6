/** A fake platform API (telegram | zalo) in a process of its own, so a benchmark measures our worker, not the fake. */
import { startFakeTelegram } from '../../test/helpers/fake-telegram-api';
import { startFakeZalo } from '../../test/helpers/fake-zalo-api';

const fake = process.argv[2] === 'zalo' ? await startFakeZalo() : await startFakeTelegram();
process.stdout.write(`${JSON.stringify({ url: fake.url, token: fake.token })}\n`);
process.once('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
