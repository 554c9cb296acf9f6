import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../helpers/redis-server';

/** A redis-server the fault tests stop, restart (same port, same AOF) and freeze at will. */
export interface ControllableRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** SIGTERM (a clean stop, AOF flushed) and wait for the exit */
  stop(): Promise<void>;
  /** starts again on the same port and data directory; resolves once it accepts connections */
  start(): Promise<void>;
  /** SIGSTOP: the process hangs, connections stay open, nothing is answered */
  freeze(): void;
  /** SIGCONT */
  thaw(): void;
  /** stops it for good and removes its data */
  close(): Promise<void>;
}

export async function startControllableRedis(extraArgs: string[] = []): Promise<ControllableRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dvc-fault-redis-'));
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--save',
        '',
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 15_000);
      proc.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      proc.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  };

  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGCONT');
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop,
    start,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
