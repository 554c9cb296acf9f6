import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, type LockInfo, readDataDirLock } from '../../src/storage/data-dir-lock';
import { isRunning, redisServersOn } from '../../src/storage/process-info';
import { PID_FILE } from '../../src/storage/redis-process';
import { type MainProcess, startMain } from '../helpers/main-process';
import { freePort } from '../helpers/redis-server';
import { until } from '../helpers/until';

/**
 * `npm start` with its private redis-server, SIGKILLed: the server must not outlive the app, the next
 * start must run exactly one server on the folder, and nothing written before may be lost.
 *
 * Which pid is "the app": startMain runs `node_modules/.bin/tsx src/main.ts`, and tsx runs the program in
 * a child node process. That child owns the redis-server and wrote its pid into the lock file, so that is
 * the pid SIGKILLed here; the tsx wrapper then exits by itself (it is waited for, and killed if it lingers).
 */

const dataDir = mkdtempSync(join(tmpdir(), 'dvc-fault-redis-'));
const started: MainProcess[] = [];
const appPids: number[] = [];

afterAll(async () => {
  for (const app of started) await app.stop();
  for (const pid of [...appPids, ...redisServersOn(dataDir)])
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startApp(): Promise<{ app: MainProcess; port: number; lock: LockInfo }> {
  const port = await freePort();
  const app = startMain({
    PORT: String(port),
    REDIS_PROBE_URL: `redis://127.0.0.1:${await freePort()}`,
    REDIS_DATA_DIR: dataDir,
  });
  started.push(app);
  await until(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true,
    60_000,
  );
  const lock = readDataDirLock(dataDir);
  if (!lock) throw new Error(`no lock in ${dataDir}:\n${app.output()}`);
  appPids.push(lock.pid);
  return { app, port, lock };
}

/** Processes whose command line names the folder (the watchdog does; redis-server renames itself). */
function mentioning(dir: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir) && isRunning(Number(pid));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the private redis-server lives and dies with the app', () => {
  it('goes when the app is SIGKILLed, comes back alone with the data, and stops cleanly on SIGTERM', async () => {
    const first = await startApp();
    const chat = await fetch(`http://127.0.0.1:${first.port}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: 'start' }),
    });
    expect(chat.status).toBe(200);
    const [server] = redisServersOn(dataDir);
    expect(server).toBeDefined();
    expect(mentioning(dataDir)).toHaveLength(1); // the watchdog
    const redis = new Redis(`redis://127.0.0.1:${first.lock.port}`);
    const cookieSecret = await redis.get('dvc:web:cookie-secret');
    expect(cookieSecret).toBeTruthy();
    await redis.set('fault:written-last', 'yes'); // less than a second before the kill
    redis.disconnect();

    const killedAt = performance.now();
    process.kill(first.lock.pid, 'SIGKILL');
    await until(() => redisServersOn(dataDir).length === 0, 3_000);
    const goneMs = Math.round(performance.now() - killedAt);
    await Promise.race([first.app.exited, new Promise((r) => setTimeout(r, 5_000))]);
    console.info(`orphaned redis-server (pid ${server}) gone ${goneMs} ms after SIGKILL of the app`);
    expect(isRunning(server!)).toBe(false);
    // Redis removes its pidfile only on a clean shutdown (SIGTERM), not when killed.
    expect(existsSync(join(dataDir, PID_FILE))).toBe(false);
    expect(mentioning(dataDir)).toEqual([]); // the watchdog is gone too
    expect(readDataDirLock(dataDir)?.pid).toBe(first.lock.pid); // stale: its app is dead

    const second = await startApp();
    expect(second.lock.pid).not.toBe(first.lock.pid);
    expect(redisServersOn(dataDir)).toHaveLength(1);
    const again = new Redis(`redis://127.0.0.1:${second.lock.port}`);
    expect(await again.get('dvc:web:cookie-secret')).toBe(cookieSecret);
    expect(await again.get('fault:written-last')).toBe('yes');
    again.disconnect();

    // a second `npm start` on the folder while this one runs stops with a message, and starts no server
    const intruder = startMain({
      PORT: String(await freePort()),
      REDIS_PROBE_URL: `redis://127.0.0.1:${await freePort()}`,
      REDIS_DATA_DIR: dataDir,
    });
    started.push(intruder);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain(`pid ${second.lock.pid}`);
    expect(intruder.output()).toContain(dataDir);
    expect(redisServersOn(dataDir)).toHaveLength(1);
    expect(readDataDirLock(dataDir)?.pid).toBe(second.lock.pid);

    const stoppedAt = performance.now();
    expect(await second.app.stop()).toBe(0);
    console.info(`SIGTERM: app and redis-server stopped in ${Math.round(performance.now() - stoppedAt)} ms`);
    expect(second.app.output()).toContain('shutting down');
    expect(redisServersOn(dataDir)).toEqual([]);
    await until(() => mentioning(dataDir).length === 0, 2_000);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, PID_FILE))).toBe(false);
  });
});
