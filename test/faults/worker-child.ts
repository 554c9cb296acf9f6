import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join('test', 'faults', 'outbox-worker-process.ts');

/**
 * An outbox worker running test/faults/outbox-worker-process.ts in a child process. It is started as
 * `node --import tsx <script>`, not with node_modules/.bin/tsx: the tsx command runs the script in a
 * second process of its own, so a SIGKILL would only kill the wrapper and leave the worker running.
 */
export interface WorkerChild {
  /** Date.now() when it was spawned */
  readonly startedAt: number;
  /** Date.now() when it printed "ready" (its worker connected) */
  readonly ready: Promise<number>;
  readonly exited: Promise<void>;
  /** everything it printed */
  output(): string;
  /** SIGKILL; returns Date.now() at the kill */
  kill(): number;
  /** SIGTERM, then waits for the exit */
  stop(): Promise<void>;
}

export function startWorkerChild(args: readonly string[], logLevel = 'warn'): WorkerChild {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let markReady: (at: number) => void = () => undefined;
  const ready = new Promise<number>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) markReady(Date.now());
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    startedAt,
    ready,
    exited,
    output: () => out,
    kill: () => {
      const at = Date.now();
      child.kill('SIGKILL');
      return at;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
