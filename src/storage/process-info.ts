import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';

/**
 * What this process can learn about other processes, cheaply. On Linux it reads /proc, so a pid
 * that the system has since given to another program is told apart from the one we mean; elsewhere
 * it can only ask whether the pid is alive.
 */

const hasProc = (): boolean => existsSync('/proc/self/stat');

/** State letter and start time (clock ticks after boot) of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { state: string; started: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ppid …": comm may hold spaces and parentheses, so count from the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** Whether pid is a live process; a zombie is dead (it only waits to be reaped). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc()) return true;
  const stat = statOf(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** When the process started (Linux), so that a later process given the same pid is not taken for it. */
export function startTimeOf(pid: number): string | undefined {
  return statOf(pid)?.started;
}

/** Whether pid is still the process that started at `started` (when both are known). */
export function isSameProcess(pid: number, started: string | undefined): boolean {
  if (!isRunning(pid)) return false;
  const now = startTimeOf(pid);
  return started === undefined || now === undefined || now === started;
}

/** Whether pid is a redis-server working in `dir` (redis-server changes into its --dir). */
export function isRedisServerOn(pid: number, dir: string): boolean {
  if (!hasProc()) return isRunning(pid);
  try {
    return (
      readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'redis-server' &&
      readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dir) &&
      isRunning(pid)
    );
  } catch {
    return false;
  }
}

/** Every running redis-server whose data folder is `dir` (Linux; elsewhere none are found this way). */
export function redisServersOn(dir: string): number[] {
  if (!hasProc()) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => isRedisServerOn(pid, dir));
}

/** Waits up to `timeoutMs` for pid to end. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/** SIGTERM, wait up to graceMs, then SIGKILL. Tells which one ended it. */
export async function terminate(pid: number, graceMs: number): Promise<'SIGTERM' | 'SIGKILL'> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'SIGTERM';
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
  return 'SIGKILL';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
