import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface MainProcess {
  /** everything it printed, stdout and stderr */
  output(): string;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then its exit code */
  stop(): Promise<number | null>;
}

/** `npm start`'s code (src/main.ts) in a child process with a clean environment plus `env`. */
export function startMain(env: Record<string, string>): MainProcess {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    output: () => out,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
