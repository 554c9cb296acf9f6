import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';

export const PID_FILE = 'redis-server.pid';

/**
 * The watchdog that ties redis-server to this process. Node has no PR_SET_PDEATHSIG, and polling
 * `kill -0 <pid>` reacts late and can be fooled by a reused pid. Instead this tiny shell reads a pipe
 * whose only write end is in this process: when this process ends in any way, even SIGKILL, the
 * kernel closes that end, `read` returns at once, and the shell sends redis-server SIGTERM (Redis then
 * flushes the AOF, removes its pidfile and exits). Before signalling it checks that the pid is still a
 * redis-server working in our data folder, so a pid reused by another program is never touched.
 */
const WATCHDOG = `read -r line
if [ ! -d /proc/self ] || { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = redis-server ] && [ "$(readlink "/proc/$1/cwd")" = "$2" ]; }; then
  kill -TERM "$1"
fi`;

export interface RedisServerOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly maxmemory: string;
  readonly logger: Logger;
}

export interface RedisServerProcess {
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts redis-server (durable, no eviction, capped memory) and its watchdog; resolves once it is ready. */
export async function startRedisServer(o: RedisServerOptions): Promise<RedisServerProcess> {
  // Its own session (detached): Ctrl-C in the terminal reaches the app, which stops Redis last.
  const child = spawn('redis-server', args(o), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid, o);
  let stopping = false;
  try {
    await ready(child);
  } catch (err) {
    watchdog?.stdin?.end();
    throw err;
  }
  child.once('exit', (code, signal) => {
    if (!stopping)
      o.logger.error({ code, signal }, 'redis-server riêng đã dừng bất ngờ (mã %s).', code ?? signal);
  });
  return {
    pid: child.pid!,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      // redis-server is gone, so the watchdog finds nothing to stop and exits
      watchdog?.stdin?.end();
    },
  };
}

function startWatchdog(pid: number, o: RedisServerOptions): ChildProcess {
  const watchdog = spawn('sh', ['-c', WATCHDOG, 'dvc-redis-watchdog', String(pid), realpathSync(o.dataDir)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', (err) => o.logger.error({ err }, 'Không chạy được watchdog của redis-server (sh).'));
  watchdog.stdin?.on('error', () => undefined);
  return watchdog;
}

function args(o: RedisServerOptions): string[] {
  return [
    ...['--port', String(o.port), '--bind', '127.0.0.1', '--dir', o.dataDir],
    ...['--pidfile', join(o.dataDir, PID_FILE)],
    ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
    ...['--maxmemory', o.maxmemory, '--maxmemory-policy', 'noeviction'],
    // BullMQ writes each job's options (~170 bytes) into its hash: above Redis's default 64-byte limit the
    // whole hash leaves the compact encoding, and a reminder's job costs ~770 bytes instead of ~400.
    ...['--hash-max-listpack-value', '256'],
  ];
}

/** Resolves on "Ready to accept connections"; rejects if redis-server cannot run or exits first. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    let done = false;
    const finish = (err?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`redis-server did not start:\n${output}`));
    }, 15_000);
    const onExit = (code: number | null): void =>
      finish(new Error(`redis-server exited (${code}):\n${output}`));
    child.on('error', (err) => finish(err));
    child.once('exit', onExit);
    // Keep reading both pipes for the server's whole life: a full pipe would block redis-server.
    const read = (chunk: Buffer): void => {
      if (done) return;
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) finish();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}
