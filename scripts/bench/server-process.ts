import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnvironment } from '../../src/config';
import { freePort } from '../../test/helpers/redis-server';

export interface ServerProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  stop(): Promise<void>;
}

/** `npm start`'s own code (src/main.ts) in a child process on a free port, up and answering /healthz. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    env: childEnvironment({
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The sample commune's office phone is a placeholder; what is measured does not depend on it.
      ALLOW_INCOMPLETE_CONTENT: 'true',
      ...env,
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(`${base}/healthz`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { child, base, stop };
}

async function waitUntilUp(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      if (Date.now() > until) throw new Error(`server did not start: ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
