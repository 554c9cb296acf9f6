import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MainProcess {
  /** everything it printed, stdout and stderr */
  output(): string;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then its exit code */
  stop(): Promise<number | null>;
  /**
   * SIGKILL to the program itself (tsx runs src/main.ts in a child node process, so killing the tsx
   * wrapper alone would leave it running), then to the wrapper; returns Date.now() at the kill.
   */
  kill(): number;
}

/** Linux: the pids whose parent is `pid` (from /proc/<pid>/stat). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
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
    kill: () => {
      const at = Date.now();
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        for (const pid of childrenOf(child.pid)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      child.kill('SIGKILL');
      return at;
    },
  };
}
