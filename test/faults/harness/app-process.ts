import { type MainProcess, startMain } from '../../helpers/main-process';
import { freePort } from '../../helpers/redis-server';

export interface AppUnderTest {
  readonly url: string;
  readonly process: MainProcess;
  stop(): Promise<void>;
}

/** `npm start`'s code in a child process on the given Redis; resolves once /readyz says 200. */
export async function startApp(env: Record<string, string>): Promise<AppUnderTest> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = startMain({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env });
  const until = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > until) {
      await app.stop();
      throw new Error(`the app did not become ready:\n${app.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: app,
    async stop() {
      await app.stop();
    },
  };
}
