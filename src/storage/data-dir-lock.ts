import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isSameProcess, startTimeOf } from './process-info';

/**
 * One app per Redis data folder: the app that runs the folder's private redis-server holds
 * `<dir>/app.lock` (its pid, start time and the server's port). A lock whose app is gone is stale
 * and is taken over; a lock whose app still runs is never broken.
 */

export const LOCK_FILE = 'app.lock';

const lockSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  started: z.string().optional(),
});
export type LockInfo = z.infer<typeof lockSchema>;

export class DataDirInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly dir: string,
  ) {
    super(
      [
        `Thư mục dữ liệu Redis ${dir} đang được tiến trình Trợ lý DVC khác dùng (pid ${pid}).`,
        'Mỗi thư mục chỉ chạy một redis-server: dừng tiến trình đó, hoặc đặt REDIS_DATA_DIR khác,',
        'hoặc đặt REDIS_URL tới một Redis dùng chung.',
      ].join('\n'),
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** the stale lock this one replaced, if any */
  readonly previous: LockInfo | undefined;
  /** removes the lock if it is still this one */
  release(): void;
}

/** Takes the lock of `dir` for this process, or throws DataDirInUseError naming the app that holds it. */
export async function acquireDataDirLock(dir: string, port: number): Promise<DataDirLock> {
  const path = join(dir, LOCK_FILE);
  const mine = `${JSON.stringify({ pid: process.pid, port, started: startTimeOf(process.pid) })}\n`;
  let previous: LockInfo | undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    if (createExclusive(path, mine)) {
      return {
        previous,
        release: () => (readText(path) === mine ? rmSync(path, { force: true }) : undefined),
      };
    }
    const text = readText(path);
    if (text === undefined) continue;
    const held = parse(text);
    if (held && isSameProcess(held.pid, held.started)) throw new DataDirInUseError(held.pid, dir);
    previous = held;
    breakStale(path, text);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Không lấy được khóa ${path}`);
}

/** Writes the whole content first, then links it into place: the lock is never seen half-written. */
function createExclusive(path: string, text: string): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  try {
    linkSync(temporary, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Removes a stale lock, but only the one judged stale: two apps starting at once could otherwise both
 * see it stale, and the slower one would remove the lock the faster one had just taken. The check and
 * the removal happen under `<lock>.break`, held for a few microseconds.
 */
function breakStale(path: string, staleText: string): void {
  const breaker = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    // another app is breaking it; a breaker left by an app killed in those microseconds is removed
    if (ageMs(breaker) > 5_000) rmSync(breaker, { force: true });
    return;
  }
  try {
    if (readText(path) === staleText) rmSync(path, { force: true });
  } finally {
    closeSync(fd);
    rmSync(breaker, { force: true });
  }
}

function parse(text: string): LockInfo | undefined {
  try {
    return lockSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The lock of `dir` as it is now (tests and diagnostics). */
export function readDataDirLock(dir: string): LockInfo | undefined {
  const text = readText(join(dir, LOCK_FILE));
  return text === undefined ? undefined : parse(text);
}
